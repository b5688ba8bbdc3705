import type { Standing } from '../engines/quiz.ts';
import type { MessagePayload } from '../interactions/types.ts';
import { finalMessage } from './quiz.ts';

/** A shutdown pauses a quiz (it resumes at the next start): say so, with the standings so far. */
export function pausedMessage(list: readonly Standing[], resumeWithinMinutes: number): MessagePayload {
  const standings = finalMessage(list, 'stopped').embeds?.[0];
  return {
    embeds: [
      {
        ...standings,
        title: '⏸️ Quiz paused: the bot is shutting down',
        description: `When the bot is back (within ${resumeWithinMinutes} minutes) the quiz carries on with the next question. Every answer so far counts.\n\n${standings?.description ?? ''}`,
      },
    ],
  };
}
