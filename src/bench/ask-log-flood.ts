import { createContext } from '../bot/context.ts';
import { InteractionRouter } from '../bot/router.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { OFF_TOPIC_QUESTIONS } from './questions.ts';
import { SinkChatInput, silentMessenger } from './sink.ts';
import { REGISTRY } from '../../commands/index.ts';

const IN_FLIGHT = 16;

/**
 * Milliseconds to answer `count` off-topic `/ask` (each one logged for curators) through the
 * router, 16 in flight, each arriving in its own tick as gateway events do, on `databasePath`
 * (a file, or `:memory:` for the figure to compare with).
 */
export async function askLogFloodMs(config: Config, databasePath: string, count: number, logger: Logger): Promise<number> {
  const context = await createContext({ ...config, databasePath, databaseUrl: null, askCooldownSeconds: 0 }, logger, silentMessenger, REGISTRY);
  try {
    const router = new InteractionRouter(context);
    const questions = OFF_TOPIC_QUESTIONS.filter((question) => question !== '');
    let next = 0;
    const run = async (total: number) => {
      const stop = next + total;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < stop) {
            const n = next++;
            await new Promise((resolve) => setImmediate(resolve));
            await router.chatInput(
              new SinkChatInput(`flood-${n}`, { id: `user-${n % 50}`, displayName: 'bench' }, 'ask', { question: questions[n % questions.length] as string }),
            );
          }
        }),
      );
    };
    await run(Math.min(count, 300));
    const started = performance.now();
    await run(count);
    return performance.now() - started;
  } finally {
    await context.storage.close();
  }
}
