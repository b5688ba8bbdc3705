import path from 'node:path';
import { startDiscordBot } from '../discord/bot.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
// The project's local Discord (REST + gateway on 127.0.0.1), the same one the end-to-end tests use.
import { APPLICATION_ID, DiscordStandIn, option, TOKEN } from '../../tests/helpers/discord-stand-in.ts';

const GUILD_ID = String((1n << 22n) * 100_000_000_000n);
const CHANNEL_ID = '500000000000000001';

/**
 * `/ask` interactions per second through the real discord.js client logged in to the local
 * stand-in, `inFlight` at a time: gateway dispatch in, interaction callback out. Both run in
 * this process, so the figure includes the stand-in's share of the CPU.
 */
export async function e2eInteractionsPerSecond(
  questions: readonly string[],
  count: number,
  inFlight: number,
  dataDir: string,
  knowledgeDir: string,
): Promise<number> {
  const standIn = new DiscordStandIn();
  standIn.addGuild({ id: GUILD_ID, name: 'Bench', channels: [{ id: CHANNEL_ID, name: 'general' }] });
  await standIn.start();
  const config = loadConfig(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_PATH: path.join(dataDir, 'e2e.sqlite'),
      KNOWLEDGE_DIR: knowledgeDir,
      ASK_COOLDOWN_SECONDS: '0',
    },
    { dotenv: false },
  );
  const bot = await startDiscordBot(config, createLogger('silent'));
  try {
    let next = 0;
    const ask = async (): Promise<void> => {
      const question = questions[next++ % questions.length] as string;
      const id = standIn.chatInput({
        name: 'ask',
        options: [option.string('question', question)],
        user: { id: `6000000000000${String(next % 50).padStart(5, '0')}`, username: 'bench' },
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
      });
      await standIn.callbackFor(id, 30_000);
    };
    const run = async (total: number) => {
      const stop = next + total;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < stop) await ask();
        }),
      );
    };
    await run(Math.min(count, 100));
    const started = performance.now();
    const first = next;
    await run(count);
    return (next - first) / ((performance.now() - started) / 1000);
  } finally {
    await bot.stop();
    await standIn.stop();
  }
}
