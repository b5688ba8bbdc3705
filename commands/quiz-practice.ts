import type { Services } from '../src/bot/command.ts';
import { NEW_CARDS_PER_DAY } from '../src/engines/practice.ts';
import type { QuizLevel } from '../src/engines/quiz.ts';
import { practiceDone, practiceQuestion, practiceResult } from '../src/format/quiz.ts';
import type { ButtonInteraction, ChatInputInteraction } from '../src/interactions/types.ts';

type PracticeServices = Pick<Services, 'practice'>;

/** `/quiz practice`: the next card FSRS says is due, else a new one, as a new private reply. */
export async function startPractice(interaction: ChatInputInteraction, { practice }: PracticeServices, level: QuizLevel): Promise<void> {
  const next = await practice.next(interaction.user.id, interaction.guildId, level);
  await interaction.reply(
    next.kind === 'done'
      ? { ...practiceDone(next.nextDueAt, NEW_CARDS_PER_DAY, next.now, next.timezone), ephemeral: true }
      : practiceQuestion(level, next.item, next.card, next.card?.reviews ?? 0, next.now),
  );
}

/** The Next button: the next card, in place of the last result. */
export async function continuePractice(interaction: ButtonInteraction, { practice }: PracticeServices, level: QuizLevel, lastItemId?: string): Promise<void> {
  const next = await practice.next(interaction.user.id, interaction.guildId, level, lastItemId);
  await interaction.update(
    next.kind === 'done'
      ? practiceDone(next.nextDueAt, NEW_CARDS_PER_DAY, next.now, next.timezone)
      : practiceQuestion(level, next.item, next.card, next.card?.reviews ?? 0, next.now),
  );
}

/** One answer to a practice card: graded and saved by the practice service, shown in place of the question. */
export async function answerPractice(
  interaction: ButtonInteraction,
  { practice }: PracticeServices,
  answer: { level: QuizLevel; itemId: string; choice: string; shownAt: number; shownTime: number | null },
): Promise<void> {
  const graded = await practice.answer(interaction.user.id, interaction.guildId, answer);
  await interaction.update(practiceResult(answer.level, graded.item, graded.choice, graded.card, graded.now, graded.timezone, graded.note));
}

/** The show time in a practice button (seconds, base 36), or null when it is not one. */
export function shownTimeOf(part: string | undefined): number | null {
  if (part === undefined || !/^[0-9a-z]{1,9}$/.test(part)) return null;
  return parseInt(part, 36) * 1000;
}
