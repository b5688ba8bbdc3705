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

/** What became of a press on a group quiz's answer button. */
export type PressOutcome =
  | { readonly kind: 'quiz-ended' }
  | { readonly kind: 'other-channel' }
  | { readonly kind: 'round-closed' }
  | { readonly kind: 'invalid-choice' }
  /** `label`: the choice kept, when known (a press that overtook the first while it was saved does not know it). */
  | { readonly kind: 'already-answered'; readonly label: string | null }
  /** The database is busy: nothing was saved, the student presses again. */
  | { readonly kind: 'not-saved' }
  | { readonly kind: 'locked'; readonly label: string };

/** The private line a presser sees. */
export function pressText(outcome: PressOutcome): string {
  switch (outcome.kind) {
    case 'quiz-ended':
      return 'That quiz has ended. Start a new one with `/quiz start`!';
    case 'other-channel':
      return 'That button belongs to a quiz in another channel.';
    case 'round-closed':
      return 'That question is closed. Get ready for the next one!';
    case 'invalid-choice':
      return 'That isn’t one of the choices for this question.';
    case 'already-answered':
      return outcome.label === null
        ? 'You already answered this one. One answer per question!'
        : `You already answered this one (${outcome.label}). One answer per question!`;
    case 'not-saved':
      return 'I couldn’t save that answer just now (my database is busy). Press again in a moment!';
    case 'locked':
      return `Locked in: **${outcome.label}**`;
  }
}
