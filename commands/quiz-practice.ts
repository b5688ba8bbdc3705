import type { BotContext } from '../src/bot/command.ts';
import { NEW_CARDS_PER_DAY, nextPracticeItem } from '../src/engines/practice.ts';
import { correctKey, choicesFor, type QuizLevel } from '../src/engines/quiz.ts';
import { rateAnswer, reviewCard } from '../src/engines/scheduler.ts';
import { practiceDone, practiceQuestion, practiceResult } from '../src/format/quiz.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { ButtonInteraction, ChatInputInteraction } from '../src/interactions/types.ts';

/** `/quiz practice` and its Next button: the next card FSRS says is due, else a new one. */
export async function practise(interaction: ChatInputInteraction | ButtonInteraction, context: BotContext, level: QuizLevel, lastItemId?: string): Promise<void> {
  const userId = interaction.user.id;
  const now = context.now();
  const cards = context.storage.practice.cards(userId);
  const newToday = context.storage.practice.introducedOn(userId, context.study.today(userId, interaction.guildId));
  const pick = nextPracticeItem(context.knowledge.knowledge.quiz, cards, { level, now, newToday, random: context.random, lastItemId });
  if (pick.kind === 'done') {
    if (pick.nextDueAt === null && cards.length === 0) throw new UserError('I have no practice questions for that level yet.');
    const payload = practiceDone(pick.nextDueAt, NEW_CARDS_PER_DAY, now, context.study.timezoneOf(userId, interaction.guildId));
    if ('update' in interaction) await interaction.update(payload);
    else await interaction.reply({ ...payload, ephemeral: true });
    return;
  }
  const card = cards.find((c) => c.itemId === pick.item.id);
  const payload = practiceQuestion(level, pick.item, card, card?.reviews ?? 0, now);
  if ('update' in interaction) await interaction.update(payload);
  else await interaction.reply(payload);
}

/** One answer to a practice card: rated (Again, Good or Easy), scheduled by FSRS, saved once per showing. */
export async function answerPractice(
  interaction: ButtonInteraction,
  context: BotContext,
  answer: { level: QuizLevel; itemId: string; choice: string; shownAt: number; shownTime: number | null },
): Promise<void> {
  const item = context.knowledge.knowledge.quiz.find((q) => q.id === answer.itemId);
  if (item === undefined || !choicesFor(item).some((c) => c.key === answer.choice)) throw new UserError('That practice question isn’t available anymore. Try `/quiz practice` again.');
  const userId = interaction.user.id;
  const now = context.now();
  const correct = answer.choice === correctKey(item);
  const before = context.storage.practice.card(userId, item.id);
  const rating = rateAnswer(before, correct, answer.shownTime === null ? null : now - answer.shownTime);
  const card = reviewCard(before, item.id, rating, now);
  if (!context.storage.practice.save(userId, card, correct, answer.shownAt, context.study.today(userId, interaction.guildId))) {
    throw new UserError('You already answered this question. Press **Next question** for another one.');
  }
  const note = context.study.studied(userId, interaction.guildId, 'practice');
  await interaction.update(practiceResult(answer.level, item, answer.choice, card, now, context.study.timezoneOf(userId, interaction.guildId), note));
}

/** The show time in a practice button (seconds, base 36), or null when it is not one. */
export function shownTimeOf(part: string | undefined): number | null {
  if (part === undefined || !/^[0-9a-z]{1,9}$/.test(part)) return null;
  return parseInt(part, 36) * 1000;
}
