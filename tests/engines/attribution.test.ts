import { describe, expect, test } from 'vitest';
import { answersWho, attributions, NAMES_PERSON, QUOTES_SOMEONE, whoAsked } from '../../src/engines/attribution.ts';
import type { AnswerDoc } from '../../src/engines/retrieve.ts';
import { runToEnd } from '../../src/engines/steps.ts';

const doc = (id: string, answer: string): AnswerDoc => ({
  id,
  kind: 'entry',
  question: `About ${id}?`,
  answer,
  levels: ['general'],
  intent: 'explanation',
  related: [],
  sources: ['test-source'],
  phrasings: [],
});

describe('whoAsked', () => {
  test.each([
    ['who founded social work', 'origin'],
    ['who came up with the three levels', 'origin'],
    ['which author coined private troubles', 'origin'],
    ['who said macro work has direct outcomes', 'quote'],
    ['who wrote about big picture social work', 'quote'],
  ])('%j asks for %s', (question, asked) => {
    expect(whoAsked(question)).toBe(asked);
  });

  test.each(['who do mezzo workers work with', 'who is the client in micro work', 'what did the FAQ say about macro'])('%j asks for no one', (question) => {
    expect(whoAsked(question)).toBeNull();
  });
});

describe('attributions', () => {
  const docs = [
    doc('named', 'The idea comes from Mills, and a student reads about it in class.'),
    doc('quoted', 'The FAQ quotes a worker who saw more students choose macro.'),
    doc('body', 'The Bureau of Labor Statistics expects growth; the University of Maryland agrees.'),
    doc('concept', 'The Person-in-Environment view sees people in their surroundings.'),
    doc('example', 'Help for one person.\nExample: Priya meets Tom on Tuesday.'),
    doc('plain', 'Micro work helps one person. Social work is a profession.'),
  ];
  const bits = runToEnd(attributions(docs));

  test('a name the knowledge base never writes in lower case is a person; bodies, concepts, weekdays and made-up examples are not', () => {
    expect([...bits]).toEqual([NAMES_PERSON, QUOTES_SOMEONE, 0, 0, 0, 0]);
  });

  test('an origin needs a person named; a quote may be credited to a source', () => {
    expect(answersWho('origin', NAMES_PERSON)).toBe(true);
    expect(answersWho('origin', QUOTES_SOMEONE)).toBe(false);
    expect(answersWho('quote', QUOTES_SOMEONE)).toBe(true);
    expect(answersWho('quote', 0)).toBe(false);
  });
});
