import type { AnswerDoc } from './retrieve.ts';
import { foldText } from '../text.ts';
import { eachOf, type Steps } from './steps.ts';

/**
 * What a "who" question asks for: where an idea or a thing came from ("who founded social work",
 * "who coined…"), or who is quoted saying it ("who said macro work has direct outcomes").
 */
export type WhoAsked = 'origin' | 'quote';

const WHO_START = /^(so |ok |okay |but |and )?(who|whose idea|which (author|scholar|expert|writer|researcher|theorist|person))\b/;
const ORIGIN_VERB =
  /\b(found|founded|founder|invent|invented|inventor|create|created|creator|came up with|come up with|start|started|coin|coined|develop|developed|introduce|introduced|pioneer|pioneered|establish|established|first|originat\w*|father|mother)\b/;
const QUOTE_VERB =
  /\b(said|say|says|wrote|write|writes|written|argue|argued|argues|claim|claimed|claims|quote|quoted|call|called|calls|described|describes|believe|believed|thinks|thought|stated|states)\b/;

/** Whether the question asks who (a person or a source) said, wrote or started something. */
export function whoAsked(question: string): WhoAsked | null {
  const folded = foldText(question);
  if (!WHO_START.test(folded)) return null;
  if (ORIGIN_VERB.test(folded)) return 'origin';
  return QUOTE_VERB.test(folded) ? 'quote' : null;
}

/** A document's answer names a person (bit 1), or says whom it quotes or credits (bit 2). */
export const NAMES_PERSON = 1;
export const QUOTES_SOMEONE = 2;

/** Words that say the answer passes on someone's view: "the FAQ quotes…", "according to the CSWE", "credits it to". */
const QUOTING = /\b(quotes?|quoted|quoting|credits?|credited|according to|points out|calls (this|it)|in (his|her|their) (view|words|account))\b/;
/** Capitalised words inside a sentence: candidates for a person's name (a hyphenated one is a concept: Person-in-Environment). */
const CAPITALISED = /(?<=[a-z,;:(] )[A-Z][a-z]+\b(?!-)/g;
/** Names of bodies, not people: "Bureau of Labor Statistics", "University of Maryland". */
const BODY_NAME = /[A-Z][a-z]+( (of|for) [A-Z][a-z]+)+/g;
const NOT_NAMES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/**
 * What each document's answer attributes, as bits (NAMES_PERSON, QUOTES_SOMEONE). A name is a
 * capitalised word the knowledge base never writes in lower case ("Reisch", "Mills"); the
 * worked example after "Example:" is left out, since its people are made up.
 */
export function* attributions(docs: readonly AnswerDoc[]): Steps<Uint8Array> {
  const lowerCase = new Set<string>();
  yield* eachOf(docs, (doc) => {
    for (const text of [doc.question, doc.answer]) for (const word of text.match(/\b[a-z][a-z-]+\b/g) ?? []) lowerCase.add(word);
  });
  const attributed = new Uint8Array(docs.length);
  yield* eachOf(docs, (doc, i) => {
    const text = (doc.answer.split(/\bExample:/)[0] as string).replace(BODY_NAME, '');
    const named = (text.match(CAPITALISED) ?? []).some((word) => !lowerCase.has(word.toLowerCase()) && !NOT_NAMES.has(word.toLowerCase()));
    attributed[i] = (named ? NAMES_PERSON : 0) | (QUOTING.test(text) ? QUOTES_SOMEONE : 0);
  });
  return attributed;
}

/**
 * Whether a document can answer a "who" question: one about an origin needs a person named
 * (a source does not found social work), one about a quote a person or a source credited.
 */
export function answersWho(asked: WhoAsked, attributed: number): boolean {
  return asked === 'origin' ? (attributed & NAMES_PERSON) !== 0 : attributed !== 0;
}
