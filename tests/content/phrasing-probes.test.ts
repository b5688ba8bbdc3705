import { describe, expect, test } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { seededRandom } from '../../src/engines/random.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

/**
 * Classes of question asked every way students ask them, over every subject the knowledge base
 * has: each template is filled with every glossary term or pair of levels, so a fix that only
 * suits one phrasing or one term shows here. The floors are the misses reached (raise them, never
 * lower them without a reason in the commit).
 */
const knowledge = loadKnowledge(REAL_KNOWLEDGE_DIR);
const engine = new AnswerEngine(knowledge);
/** Questions the engine answers right on their own: the long-story and typo probes dress them up. */
const ANSWERED_RIGHT = [
  'what is mezzo social work',
  'how is micro different from macro',
  'what jobs are there in macro social work',
  'why does mezzo practice matter',
  'what skills do micro social workers need',
  'what degree do i need to be an lcsw',
  'examples of macro social work',
  'where do mezzo social workers work',
  'what is harm reduction',
  'is lobbying micro or macro',
  'what is the difference between a bsw and an msw',
  'how are the three levels connected',
  'what is case management',
  'why is the family the smallest unit of mezzo practice',
  'what does a community organizer do',
];
const nameOf = (term: string): string => term.replace(/\s*\(.*\)$/, '').toLowerCase();

describe('phrasing probes on the real knowledge base', () => {
  test('every glossary term asked for in sixteen ways gets its definition', () => {
    const templates = [
      'what is {s}',
      'define {s}',
      '{s} meaning',
      'what does {s} mean',
      'explain {s}',
      'tell me about {s}',
      '{s}?',
      'what exactly is {s}',
      'whats {s} in simple terms',
      'what do people mean by {s}',
      '{s} in a nutshell',
      'what is {s} all about',
      'wtf is {s}',
      'can someone explain {s} pls',
      'i keep hearing about {s}, what is it',
      '{s} definition for my notes',
    ];
    const misses = knowledge.terms.flatMap((term) =>
      templates
        .map((template) => template.replace('{s}', nameOf(term.term)))
        .filter((question) => {
          const doc = engine.ask(question).answer?.doc;
          // The card, or an entry that defines or explains the term under its own name.
          const first = nameOf(term.term).split(' ')[0] as string;
          return !(
            doc !== undefined &&
            (doc.id === `term:${term.id}` ||
              (doc.kind === 'entry' && ['definition', 'explanation'].includes(doc.intent) && doc.question.toLowerCase().includes(first)))
          );
        }),
    );
    expect(knowledge.terms.length * templates.length).toBeGreaterThan(1000);
    expect(misses.length).toBeLessThanOrEqual(7);
  });

  test('a comparison of two levels, asked in twenty-one ways and both orders, gets the entry on that pair', () => {
    const pairs = [
      ['micro', 'mezzo', 'micro-vs-mezzo'],
      ['mezzo', 'macro', 'mezzo-vs-macro'],
      ['micro', 'macro', 'micro-vs-macro'],
    ] as const;
    const templates = [
      '{A} vs {B}',
      'difference between {A} and {B}',
      'how is {A} different from {B}',
      'how do {A} and {B} differ',
      'compare {A} and {B}',
      '{A} or {B} whats the difference',
      'whats the diff between {A} and {B} social work',
      '{A} versus {B} practice',
      'how does {A} compare to {B}',
      'is {A} just a bigger {B}',
      'what separates {A} from {B}',
      'key differences {A} {B}',
      '{A} and {B}: how are they different',
      'contrast {A} with {B}',
      'can you explain {A} vs {B} simply',
      'how can i tell {A} and {B} apart',
      'what makes {A} different from {B}',
      'main difference between {A} and {B} work',
      'is there much difference between {A} and {B}',
      '{B} vs {A}',
      'differences of {A} and {B} level',
    ];
    const misses = pairs.flatMap(([a, b, id]) =>
      [
        [a, b],
        [b, a],
      ].flatMap(([x, y]) => templates.map((t) => t.replace('{A}', x as string).replace('{B}', y as string)).filter((q) => engine.ask(q).answer?.doc.id !== id)),
    );
    expect(misses.length).toBeLessThanOrEqual(2);
  });

  test('which level a glossary term is, asked in ten ways, follows the level its card files it under', () => {
    const templates = [
      'is {s} micro?',
      'is {s} mezzo or macro',
      'which level is {s}',
      'what level does {s} fall under',
      '{s} - micro, mezzo or macro?',
      'would {s} count as macro',
      'is {s} considered mezzo',
      'what level of practice is {s}',
      '{s} which level?',
      'is {s} part of micro social work',
    ];
    const terms = knowledge.terms.filter((term) => term.level !== 'general' && !/^(micro|mezzo|macro)/i.test(term.term));
    const misses = terms.flatMap((term) =>
      templates
        .map((template) => template.replace('{s}', nameOf(term.term)))
        .filter((question) => {
          const answer = engine.ask(question).answer;
          if (answer?.scenario?.level === term.level) return false;
          // An entry of that one level about the term answers the check too ("is case management micro").
          const doc = answer?.doc;
          const stem = nameOf(term.term).split(' ')[0]?.slice(0, 5) as string;
          return !(
            answer?.scenario === null &&
            doc?.levels.length === 1 &&
            doc.levels[0] === term.level &&
            (doc.id === `term:${term.id}` || doc.question.toLowerCase().includes(stem))
          );
        }),
    );
    expect(terms.length * templates.length).toBeGreaterThan(500);
    expect(misses.length).toBeLessThanOrEqual(19);
  });

  test('a question answered right alone keeps its answer wrapped in the stories long questions tell', () => {
    const cores = ANSWERED_RIGHT;
    const stories = [
      'ok so i have an exam tomorrow morning and i have been reading my notes all night but nothing is sticking and i am kind of panicking. {q}?',
      'hi, first year student here, our lecturer went through this really fast today and i missed half of it because i was late. {q}',
      'sorry if this is a dumb question but my friend and i were arguing about it on the bus home and neither of us could remember. {q}?',
      'I am an international student and English is my second language, so the readings are hard for me sometimes. Please can you tell me, {q}?',
      'my placement supervisor asked me this in supervision and i froze, i honestly did not know what to say. {q}',
      '{q}? asking because i have a presentation on friday and i want to get it right, my group is counting on me',
      'so i was reading the textbook chapter for this week and it kind of confused me more than it helped, {q}',
    ];
    const misses = cores.flatMap((core) => {
      const alone = engine.ask(core).answer?.doc.id;
      expect(alone).toBeDefined();
      return stories.map((story) => story.replace('{q}', core)).filter((question) => engine.ask(question).answer?.doc.id !== alone);
    });
    expect(misses.length).toBeLessThanOrEqual(2);
  });

  test.each([
    [1, 4],
    [2, 7],
  ])('questions answered right keep their answer with %i typos (swapped, dropped or doubled letters) in words of four letters or more', (typos, most) => {
    const cores = [
      ...ANSWERED_RIGHT,
      'what is community organizing',
      'define person in environment',
      'what is evidence based practice',
      'what are the three levels of social work',
      'is group therapy micro or mezzo',
    ];
    const random = seededRandom(7);
    const misspelt = (word: string): string => {
      const at = 1 + Math.floor(random() * (word.length - 2));
      const kind = Math.floor(random() * 3);
      if (kind === 0) return word.slice(0, at) + (word[at + 1] as string) + (word[at] as string) + word.slice(at + 2);
      if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
      return word.slice(0, at) + (word[at] as string) + word.slice(at);
    };
    let misses = 0;
    for (const core of cores) {
      const alone = engine.ask(core).answer?.doc.id;
      for (let trial = 0; trial < 10; trial++) {
        const words = core.split(' ');
        const long = words.flatMap((word, at) => (word.length >= 4 ? [at] : []));
        const picked = new Set<number>();
        while (picked.size < Math.min(long.length, typos)) picked.add(long[Math.floor(random() * long.length)] as number);
        if (engine.ask(words.map((word, at) => (picked.has(at) ? misspelt(word) : word)).join(' ')).answer?.doc.id !== alone) misses++;
      }
    }
    expect(misses).toBeLessThanOrEqual(most);
  });

  test('what the sources never say (pay, numbers, dates, universities, places, named techniques, the ethics code) is refused, every level and every way', () => {
    const questions = ['micro', 'mezzo', 'macro'].flatMap((level) => [
      `how much do ${level} social workers make`,
      `${level} social work salary`,
      `average pay for ${level} jobs`,
      `do ${level} social workers earn more`,
      `best ${level} msw programs`,
      `which university is best for ${level} social work`,
      `${level} social work jobs in texas`,
      `how many ${level} social workers are there`,
      `when did ${level} social work start`,
      `what percentage of social workers do ${level}`,
      `is dbt used in ${level} practice`,
      `how do i apply for a ${level} msw at nyu`,
      `what does the nasw code say about ${level} work`,
      `how long does a ${level} msw take`,
      `${level} social work in canada`,
    ]);
    const techniques = [
      'motivational interviewing',
      'cbt',
      'emdr',
      'narrative therapy',
      'play therapy',
      'genograms',
      'the strengths perspective',
      'trauma informed care',
      'solution focused therapy',
      'attachment theory',
    ];
    questions.push(...techniques.flatMap((name) => [`what is ${name}`, `how do social workers use ${name}`, `explain ${name}`]));
    expect(questions.filter((question) => engine.ask(question).answer !== null)).toEqual([]);
  });

  test("every entry's own question, dressed the ways students dress a question up, still gets that entry", () => {
    const bare = (question: string): string => question.toLowerCase().replace(/[?.!]+$/, '');
    const dressings = [
      bare,
      (q: string) => `${bare(q)} pls`,
      (q: string) => `quick q: ${q.toLowerCase()}`,
      (q: string) => `${bare(q)}? need it for my exam tomorrow`,
      (q: string) => `hey bot, ${q.toLowerCase()}`,
      (q: string) => `${bare(q)}?? lol`,
      (q: string) => `so ${q.toLowerCase()}`,
      (q: string) => `idk ${bare(q)}`,
      (q: string) => `${bare(q)} tbh i dont get it`,
    ];
    // Entries whose own question a glossary card answers as well ("What is an LCSW?") are left out.
    const entries = knowledge.entries.filter((entry) => engine.ask(entry.question).answer?.doc.id === entry.id);
    expect(entries.length).toBeGreaterThan(140);
    const misses = entries.flatMap((entry) =>
      dressings.map((dress) => dress(entry.question)).filter((question) => engine.ask(question).answer?.doc.id !== entry.id),
    );
    expect(misses.length).toBeLessThanOrEqual(2);
  });

  test('an example of every glossary term, asked five ways, gets its card or an entry about the term', () => {
    const templates = [
      'examples of {s}',
      'give me an example of {s}',
      'example of {s} pls',
      'what does {s} look like in practice',
      'whats a real life example of {s}',
    ];
    const misses = knowledge.terms.flatMap((term) => {
      const name = nameOf(term.term);
      const first = name.split(' ')[0]?.slice(0, 5) as string;
      return templates
        .map((template) => template.replace('{s}', name))
        .filter((question) => {
          const doc = engine.ask(question).answer?.doc;
          return !(
            doc !== undefined &&
            (doc.id === `term:${term.id}` || doc.question.toLowerCase().includes(first) || doc.phrasings.some((p) => p.toLowerCase().includes(name)))
          );
        });
    });
    expect(misses.length).toBeLessThanOrEqual(24);
  });
});
