import { describe, expect, test } from 'vitest';
import { ButtonBoard, KEPT_MESSAGES } from '../../src/console/buttons.ts';
import type { ShownButton } from '../../src/console/render.ts';

const shown = (...labels: string[]): ShownButton[] => labels.map((label, i) => ({ customId: `x:${i}`, label, disabled: false }));
const closed = (buttons: ShownButton[]): ShownButton[] => buttons.map((b) => ({ ...b, disabled: true }));

describe('ButtonBoard.pick', () => {
  const board = new ButtonBoard();
  board.shown(
    'm1',
    [
      { customId: 'x:off', label: 'Gone', disabled: true },
      ...shown('Micro', 'Mezzo', 'Macro', '👎 Not helpful', 'What is the difference between micro and mezzo social work when it comes to famil…'),
    ],
    false,
  );

  test.each<[string, string]>([
    ['1', 'x:0'],
    ['3', 'x:2'],
    ['mezzo', 'x:1'],
    ['  MACRO ', 'x:2'],
    ['not helpful', 'x:3'],
    ['what is the difference between micro and mezzo social work when it comes to famil…', 'x:4'],
  ])('%j presses %s', (typed, customId) => {
    expect(board.pick(typed)).toEqual({ ok: true, messageId: 'm1', customId });
  });

  test.each<[string, RegExp]>([
    ['what is the difference between micro and mezzo social work when it comes to families?', /is not one of the buttons/],
    ['0', /^There is no button 0: type 1-5 or a button's label\.$/],
    ['6', /^There is no button 6/],
    ['mic', /^"mic" is not one of the buttons/],
    ['what is the difference between micro', /is not one of the buttons/],
    ['gone', /^"gone" is not one of the buttons\.$/],
    ['🤔 micro??', /is not one of the buttons/],
    ['what is macro practice', /is not one of the buttons/],
  ])('%j is refused: %s', (typed, reason) => {
    expect(board.pick(typed)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  test('without any buttons shown, says so', () => {
    expect(new ButtonBoard().pick('1')).toEqual({ ok: false, reason: 'There are no buttons to press.', notButton: false });
  });

  test.each([['mezzo'], ['hello'], ['🤔 micro??']])('%j, with no buttons shown, is not a button (so it is asked)', (typed) => {
    expect(new ButtonBoard().pick(typed)).toMatchObject({ ok: false, notButton: true });
  });
});

describe('ButtonBoard: which buttons are current', () => {
  test('a new message without buttons leaves the last buttons pressable', () => {
    const board = new ButtonBoard();
    board.shown('m1', shown('A', 'B'), false);
    board.shown('m2', [], false);
    expect(board.pick('2')).toMatchObject({ ok: true, messageId: 'm1', customId: 'x:1' });
  });

  test('an edit that closes the current buttons closes them for typing too; an edit of an older message changes nothing', () => {
    const board = new ButtonBoard();
    board.shown('m1', shown('A', 'B'), false);
    board.shown('m2', shown('C'), false);
    board.shown('m1', closed(shown('A', 'B')), true);
    expect(board.pick('1')).toMatchObject({ ok: true, messageId: 'm2' });
    board.shown('m2', closed(shown('C')), true);
    expect(board.pick('1')).toEqual({ ok: false, reason: 'Those buttons are closed now.', notButton: false });
  });

  test('numbers press the latest message’s buttons; an exact label also reaches an earlier message’s, until it closes', () => {
    const board = new ButtonBoard();
    board.shown(
      'practice',
      [
        { customId: 'p:a', label: 'True', disabled: false },
        { customId: 'p:stop', label: 'Stop', disabled: false },
      ],
      false,
    );
    board.shown('ask', shown('👍 Helpful', '👎 Not helpful'), false);
    expect(board.pick('2')).toMatchObject({ ok: true, messageId: 'ask', customId: 'x:1' });
    expect(board.pick('stop')).toMatchObject({ ok: true, messageId: 'practice', customId: 'p:stop' });
    expect(board.describe()).toBe('Buttons you can press:\n  by number: [1] 👍 Helpful   [2] 👎 Not helpful\n  by label, on earlier messages: True · Stop');
    board.shown('practice', [], true);
    expect(board.pick('stop')).toMatchObject({ ok: false, notButton: true });
    expect(board.messageIds).toEqual(['ask']);
  });

  test('keeps only a bounded number of earlier messages', () => {
    const board = new ButtonBoard();
    for (let i = 0; i < 1_000; i++) board.shown(`m${i}`, shown('A'), false);
    expect(board.messageIds).toHaveLength(KEPT_MESSAGES + 1);
    expect(board.messageIds[0]).toBe('m999');
  });

  test('with nothing pressable, buttons says so', () => {
    expect(new ButtonBoard().describe()).toBe('No buttons to press right now.');
  });

  test('new pressable buttons are fresh until a press or a command consumes them; closing and re-showing the same ones is not new', async () => {
    const board = new ButtonBoard();
    expect(board.fresh).toBe(false);
    board.shown('round-1', shown('A', 'B'), false);
    expect(board.fresh).toBe(true);
    board.consume();
    expect(board.fresh).toBe(false);
    board.shown('round-1', shown('A', 'B'), true);
    board.shown('round-1', closed(shown('A', 'B')), true);
    expect(board.fresh).toBe(false);
    const next = board.untilFresh();
    board.shown('round-2', [{ customId: 'y:0', label: 'True', disabled: false }], false);
    await next;
    expect(board.fresh).toBe(true);
  });
});
