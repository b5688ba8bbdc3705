import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { reviewCard } from '../../src/engines/scheduler.ts';
import { practiceResult, revealMessage } from '../../src/format/quiz.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { miniKnowledgeCopy } from '../helpers/knowledge.ts';

// The mini knowledge base, plus one item that teaches a glossary term.
const dir = miniKnowledgeCopy({
  'quiz/term.yaml': `- id: tf-term\n  kind: true-false\n  question: PIE looks at people in their surroundings.\n  answer: true\n  explanation: It does.\n  level: general\n  difficulty: easy\n  sources: [test-source]\n  teaches: term:person-in-environment\n`,
});
const knowledge = loadKnowledge(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const item = (id: string) => {
  const found = knowledge.quiz.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no quiz item ${id}`);
  return found;
};

describe('the reveal links to what the item teaches', () => {
  test('a quiz round reveal names /ask and the question of the Q&A entry it teaches', () => {
    const message = revealMessage({ round: 1, item: item('mc-one'), openedAt: 0, deadlineAt: 20_000, open: false }, 3, [], [], []);
    expect(message.embeds?.[0]?.description).toContain('Read more: `/ask What is macro social work?`');
  });

  test('a practice reveal names /term and the glossary term it teaches', () => {
    const message = practiceResult('mixed', item('tf-term'), 'true', reviewCard(undefined, 'tf-term', 'good', 0), 0, 'UTC');
    expect(message.embeds?.[0]?.description).toContain('Read more: `/term name: Person-in-Environment`');
  });
});
