import type { PracticeCard } from '../domain/practice.ts';
import { nextPracticeItem } from '../engines/practice.ts';
import { choicesFor, correctKey, type QuizLevel } from '../engines/quiz.ts';
import type { Random } from '../engines/random.ts';
import { rateAnswer, reviewCard } from '../engines/scheduler.ts';
import { UserError } from '../interactions/errors.ts';
import type { QuizItem } from '../knowledge/schema.ts';
import type { PracticeRepo, StoredCard } from '../storage/practice-repo.ts';
import type { KnowledgeHolder } from './knowledge-holder.ts';
import type { StudyService } from './study.ts';

/** What `/quiz practice` shows next: a card, or nothing due (with when the next one is). */
export type PracticeNext =
  | { readonly kind: 'question'; readonly item: QuizItem; readonly card: StoredCard | undefined; readonly now: number }
  | { readonly kind: 'done'; readonly nextDueAt: number | null; readonly now: number; readonly timezone: string };

/** A graded practice answer, already scheduled and saved. */
export interface PracticeGraded {
  readonly item: QuizItem;
  readonly choice: string;
  readonly card: PracticeCard;
  readonly now: number;
  readonly timezone: string;
  /** A streak milestone line, when this answer reached one. */
  readonly note: string | null;
}

/** Solo practice: picks the next card FSRS says is due, grades an answer, reschedules and saves it once per showing. */
export class PracticeService {
  constructor(
    private readonly deps: {
      practice: PracticeRepo;
      knowledge: Pick<KnowledgeHolder, 'knowledge'>;
      study: StudyService;
      now: () => number;
      random: Random;
    },
  ) {}

  async next(userId: string, guildId: string | null, level: QuizLevel, lastItemId?: string): Promise<PracticeNext> {
    const { practice, knowledge, study, random } = this.deps;
    const now = this.deps.now();
    const cards = await practice.cards(userId);
    const newToday = await practice.introducedOn(userId, await study.today(userId, guildId));
    const pick = nextPracticeItem(knowledge.knowledge.quiz, cards, { level, now, newToday, random, lastItemId });
    if (pick.kind === 'item') return { kind: 'question', item: pick.item, card: cards.find((c) => c.itemId === pick.item.id), now };
    if (pick.nextDueAt === null && cards.length === 0) throw new UserError('I have no practice questions for that level yet.');
    return { kind: 'done', nextDueAt: pick.nextDueAt, now, timezone: await study.timezoneOf(userId, guildId) };
  }

  /** Rated Again, Good or Easy (by rightness and, for a mature card, speed), scheduled by FSRS, saved once per showing. */
  async answer(
    userId: string,
    guildId: string | null,
    answer: { itemId: string; choice: string; shownAt: number; shownTime: number | null },
  ): Promise<PracticeGraded> {
    const { practice, knowledge, study } = this.deps;
    const item = knowledge.knowledge.quiz.find((q) => q.id === answer.itemId);
    if (item === undefined || !choicesFor(item).some((c) => c.key === answer.choice))
      throw new UserError('That practice question isn’t available anymore. Try `/quiz practice` again.');
    const now = this.deps.now();
    const correct = answer.choice === correctKey(item);
    const before = await practice.card(userId, item.id);
    const card = reviewCard(before, item.id, rateAnswer(before, correct, answer.shownTime === null ? null : now - answer.shownTime), now);
    if (!(await practice.save(userId, card, correct, answer.shownAt, await study.today(userId, guildId)))) {
      throw new UserError('You already answered this question. Press **Next question** for another one.');
    }
    const note = await study.studied(userId, guildId, 'practice');
    return { item, choice: answer.choice, card, now, timezone: await study.timezoneOf(userId, guildId), note };
  }
}
