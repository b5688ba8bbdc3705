import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { replyWithChart } from '../../commands/quiz-report.ts';
import { consoleChatInput, OfflineChannel, type ShownMessage } from '../../src/console/console-interactions.ts';
import { createLogger } from '../../src/logger.ts';

const invocation = { commandName: 'quiz', subcommandGroup: null, subcommand: 'report', options: {} } as const;
const reply = {
  payload: (png: Buffer | null) => ({ ephemeral: true, content: 'figures', ...(png === null ? {} : { files: [{ name: 'chart.png', data: png }] }) }),
  late: (png: Buffer) => ({ ephemeral: true, content: 'the chart', files: [{ name: 'chart.png', data: png }] }),
};

/** The console's own interaction (one reply, then follow-ups, as Discord allows) and a logger that keeps its lines. */
function setup() {
  const shown: ShownMessage[] = [];
  const logs: string[] = [];
  const interaction = consoleChatInput(new OfflineChannel((message) => shown.push(message)), invocation);
  const logger = createLogger('warn', [], { write: (line: string) => void logs.push(line) });
  const summary = () => shown.map((m) => [m.payload.content, (m.payload.files ?? []).map((f) => f.data.toString())]);
  return { interaction, logger, logs, summary };
}

describe('a reply with a chart', () => {
  test('a chart ready within the budget is attached to the reply', async () => {
    const { interaction, logger, summary } = setup();
    await replyWithChart(interaction, logger, Promise.resolve(Buffer.from('png')), reply, 1_000);
    expect(summary()).toEqual([['figures', ['png']]]);
  });

  test('a chart later than the budget: the text replies first, the chart follows', async () => {
    const { interaction, logger, summary } = setup();
    await replyWithChart(
      interaction,
      logger,
      sleep(200).then(() => Buffer.from('slow png')),
      reply,
      20,
    );
    expect(summary()).toEqual([
      ['figures', []],
      ['the chart', ['slow png']],
    ]);
  });

  test('a chart that fails leaves the text reply alone and logs why', async () => {
    const { interaction, logger, logs, summary } = setup();
    await replyWithChart(interaction, logger, Promise.reject(new Error('resvg exploded')), reply, 1_000);
    expect(summary()).toEqual([['figures', []]]);
    expect(logs.join('')).toMatch(/chart rendering failed.*resvg exploded|resvg exploded.*chart rendering failed/s);
  });
});
