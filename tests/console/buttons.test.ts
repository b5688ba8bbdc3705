import { describe, expect, test } from 'vitest';
import { ButtonBoard } from '../../src/console/buttons.ts';
import type { ShownButton } from '../../src/console/render.ts';

const shown = (...labels: string[]): ShownButton[] => labels.map((label, i) => ({ customId: `x:${i}`, label, disabled: false }));
const closed = (buttons: ShownButton[]): ShownButton[] => buttons.map((b) => ({ ...b, disabled: true }));

describe('ButtonBoard.pick', () => {
  const board = new ButtonBoard();
  board.shown('m1', [{ customId: 'x:off', label: 'Gone', disabled: true }, ...shown('Micro', 'Mezzo', 'Macro', '👎 Not helpful', 'What is the difference between micro and mezzo social work when it comes to famil…')], false);

  test.each<[string, string | RegExp]>([
    ['1', 'x:0'],
    ['3', 'x:2'],
    ['mezzo', 'x:1'],
    ['  MACRO ', 'x:2'],
    ['not helpful', 'x:3'],
    ['what is the difference between micro and mezzo social work when it comes to families?', 'x:4'],
    ['0', /^There is no button 0: type 1-5 or a button's label\.$/],
    ['6', /^There is no button 6/],
    ['mic', /^"mic" is not one of the buttons/],
    ['what is the difference between micro', /is not one of the buttons/],
    ['gone', /^"gone" is not one of the buttons: type 1-5 or a button's label\.$/],
    ['what is macro practice', /is not one of the buttons/],
  ])('%j', (typed, expected) => {
    const pick = board.pick(typed);
    if (typeof expected === 'string') expect(pick).toEqual({ ok: true, messageId: 'm1', customId: expected });
    else expect(pick.ok ? pick.customId : pick.reason).toMatch(expected);
  });

  test('without any buttons shown, says so', () => {
    expect(new ButtonBoard().pick('1')).toEqual({ ok: false, reason: 'There are no buttons to press.' });
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
    expect(board.pick('1')).toEqual({ ok: false, reason: 'Those buttons are closed now.' });
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
