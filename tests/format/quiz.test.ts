import { describe, expect, test } from 'vitest';
import { LEITNER_INTERVALS_MS, reviewCard } from '../../src/engines/practice.ts';
import { choicesFor, type RoundState } from '../../src/engines/quiz.ts';
import { renderMessage } from '../../src/console/render.ts';
import { practiceQuestion, practiceResult, revealMessage, roundMessage } from '../../src/format/quiz.ts';
import { LIMITS } from '../../src/format/limits.ts';
import { LEVELS, type QuizItem } from '../../src/knowledge/schema.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const { quiz: items } = loadKnowledge(REAL_KNOWLEDGE_DIR);
const state = (item: QuizItem, openedAt = 1_000_000_000_000, seconds = 20): RoundState => ({ round: 1, item, openedAt, deadlineAt: openedAt + seconds * 1000, open: true });

/** The same item with every other answer it could have, and every level (a scenario's level is its answer). */
function variants(item: QuizItem): QuizItem[] {
  const answers = item.kind === 'multiple-choice' ? choicesFor(item).map((c) => c.key) : item.kind === 'true-false' ? [true, false] : ['micro', 'mezzo', 'macro'];
  return answers.flatMap((answer) => LEVELS.map((level) => ({ ...item, answer, level }) as QuizItem));
}

describe('nothing shown before the reveal depends on the answer', () => {
  test.each(items.map((item) => [item.id, item] as const))('%s: the question and the practice question are the same whatever the answer', (_, item) => {
    const question = roundMessage(7, state(item), 5);
    const practice = practiceQuestion('mixed', item, undefined, 0);
    for (const variant of variants(item)) {
      expect(roundMessage(7, state(variant), 5)).toEqual(question);
      expect(practiceQuestion('mixed', variant, undefined, 0)).toEqual(practice);
    }
  });

  test('after the reveal the level is shown', () => {
    const scenario = items.find((item) => item.kind === 'scenario-level' && item.answer === 'macro')!;
    expect(revealMessage({ ...state(scenario), open: false }, 5, [], [], []).embeds?.[0]?.footer?.text).toMatch(/^🔵 Macro · /);
    expect(practiceResult('mixed', scenario, 'macro', reviewCard(undefined, scenario.id, true, 0)).embeds?.[0]?.footer?.text).toMatch(/^🔵 Macro · /);
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

describe('practice results say when the card comes back', () => {
  const item = items[0]!;
  test.each([
    [undefined, true, 'Box 1 of 5: I’ll ask it again once it is due, in a minute.'],
    [{ itemId: item.id, box: 1, dueAt: 0 }, true, 'Box 2 of 5: I’ll ask it again once it is due, in a day.'],
    [{ itemId: item.id, box: 2, dueAt: 0 }, true, 'Box 3 of 5: I’ll ask it again once it is due, in 3 days.'],
    [{ itemId: item.id, box: 5, dueAt: 0 }, true, 'Box 5 of 5: I’ll ask it again once it is due, in 14 days.'],
    [{ itemId: item.id, box: 4, dueAt: 0 }, false, 'Box 1 of 5: I’ll ask it again once it is due, in a minute.'],
  ])('from %j, right: %s', (before, right, line) => {
    const card = reviewCard(before, item.id, right, 0);
    expect(card.dueAt).toBe(LEITNER_INTERVALS_MS[card.box]);
    expect(practiceResult('mixed', item, 'A', card).embeds?.[0]?.description?.endsWith(`\n\n${line}`)).toBe(true);
  });
});
