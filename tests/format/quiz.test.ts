import { describe, expect, test } from 'vitest';
import { reviewCard } from '../../src/engines/scheduler.ts';
import { choicesFor, type RoundState } from '../../src/engines/quiz.ts';
import { renderMessage } from '../../src/console/render.ts';
import { practiceQuestion, practiceResult, revealMessage, roundMessage } from '../../src/format/quiz.ts';
import { LIMITS } from '../../src/format/limits.ts';
import { LEVELS } from '../../src/domain/levels.ts';
import type { QuizItem } from '../../src/knowledge/schema.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

// One item of each kind, written for the tests: the formatter, not the content, is under test.
const { quiz: items } = loadKnowledge(MINI_KNOWLEDGE_DIR);
const state = (item: QuizItem, openedAt = 1_000_000_000_000, seconds = 20): RoundState => ({
  round: 1,
  item,
  openedAt,
  deadlineAt: openedAt + seconds * 1000,
  open: true,
});

/** The same item with every other answer it could have, and every level (a scenario's level is its answer). */
function variants(item: QuizItem): QuizItem[] {
  const answers =
    item.kind === 'multiple-choice' ? choicesFor(item).map((c) => c.key) : item.kind === 'true-false' ? [true, false] : ['micro', 'mezzo', 'macro'];
  return answers.flatMap((answer) => LEVELS.map((level) => ({ ...item, answer, level }) as QuizItem));
}

describe('nothing shown before the reveal depends on the answer', () => {
  test.each(items.map((item) => [item.id, item] as const))('%s: the question and the practice question are the same whatever the answer', (_, item) => {
    const question = roundMessage(7, state(item), 5);
    const practice = practiceQuestion('mixed', item, undefined, 0, 0);
    for (const variant of variants(item)) {
      expect(roundMessage(7, state(variant), 5)).toEqual(question);
      expect(practiceQuestion('mixed', variant, undefined, 0, 0)).toEqual(practice);
    }
  });

  test('after the reveal the level is shown', () => {
    const scenario = { ...items.find((item) => item.kind === 'scenario-level')!, answer: 'macro', level: 'macro' } as QuizItem;
    expect(revealMessage({ ...state(scenario), open: false }, 5, [], [], []).embeds?.[0]?.footer?.text).toMatch(/^🔵 Macro · /);
    expect(practiceResult('mixed', scenario, 'macro', reviewCard(undefined, scenario.id, 'good', 0), 0, 'UTC').embeds?.[0]?.footer?.text).toMatch(
      /^🔵 Macro · /,
    );
  });
});

describe('the countdown', () => {
  test.each([0, 1, 299, 300, 500, 501, 700, 999])('a 20 s question opened at +%i ms says "Closes in 20 seconds"', (offset) => {
    const opened = state(items[0]!, 1_700_000_000_000 + offset);
    const shown = renderMessage(roundMessage(1, opened, 5), { ephemeral: false, edited: false }, { names: {}, now: opened.openedAt });
    expect(shown.text).toContain('Time: Closes in 20 seconds');
  });
});

describe('the reveal', () => {
  test('50 right answers are cut on whole mentions, with "+N more"', () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(395_000_000_000_000_000n + BigInt(i)));
    const who = revealMessage({ ...state(items[0]!), open: false }, 5, ids, [], []).embeds?.[0]?.fields?.[0]?.value ?? '';
    expect(who.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    const [list, more] = who.split(', +');
    const shown = list!.split(', ');
    for (const mention of shown) expect(mention).toMatch(/^<@\d{18}>$/);
    expect(more).toBe(`${50 - shown.length} more`);
  });

  test('a few right answers are all named', () => {
    expect(revealMessage({ ...state(items[0]!), open: false }, 5, ['1', '2'], [], []).embeds?.[0]?.fields?.[0]?.value).toBe('<@1>, <@2>');
  });
});

describe('practice results say when the card comes back, as a real date', () => {
  const item = items[0]!;
  // Tue 1 Dec 2026, 09:00 UTC = 10:00 in Berlin.
  const now = Date.UTC(2026, 11, 1, 9);
  test.each([
    ['again', 'UTC', 'You’ll see this again in a minute (09:01).'],
    ['good', 'UTC', 'You’ll see this again in 10 minutes (09:10).'],
    ['good', 'Europe/Berlin', 'You’ll see this again in 10 minutes (10:10).'],
  ] as const)('a new card rated %s, in %s', (rating, zone, line) => {
    const card = reviewCard(undefined, item.id, rating, now);
    expect(practiceResult('mixed', item, 'A', card, now, zone).embeds?.[0]?.description?.endsWith(`\n\n${line}`)).toBe(true);
  });

  test('a review card names its day', () => {
    const learning = reviewCard(undefined, item.id, 'good', now);
    const review = reviewCard(learning, item.id, 'good', learning.dueAt);
    expect(practiceResult('mixed', item, 'A', review, learning.dueAt, 'UTC').embeds?.[0]?.description).toMatch(
      /You’ll see this again on Thu 3 Dec 2026 \(in 2 days\)\.$/,
    );
  });

  test('a milestone line follows the date', () => {
    const card = reviewCard(undefined, item.id, 'good', now);
    expect(practiceResult('mixed', item, 'A', card, now, 'UTC', '🔥 streak').embeds?.[0]?.description).toMatch(/\(09:10\)\.\n\n🔥 streak$/);
  });
});
