import { channelMention } from '@discordjs/formatters';
import { drawItems, QuizGame, type QuizLevel, type RoundState } from '../engines/quiz.ts';
import type { Random } from '../engines/random.ts';
import { finalMessage, revealMessage, roundMessage } from '../format/quiz.ts';
import { pausedMessage, type PressOutcome } from '../format/quiz-notices.ts';
import { UserError } from '../interactions/errors.ts';
import type { ChannelReader, Messenger } from '../interactions/types.ts';
import type { QuizItem } from '../knowledge/schema.ts';
import type { Logger } from '../logger.ts';
import type { QuizRepo, QuizSessionRow } from '../storage/quiz-repo.ts';
import type { SettingsRepo } from '../storage/settings-repo.ts';
import type { KnowledgeHolder } from './knowledge-holder.ts';
import { isStorageFault, safely } from './safely.ts';

interface ActiveQuiz {
  readonly session: QuizSessionRow;
  readonly game: QuizGame;
  messageId: string | null;
  timer: NodeJS.Timeout | null;
  closing: boolean;
  /** Writes that must reach the database in order; a busy database delays them, never drops them. */
  writes: Promise<void>;
}

/** A quiz that has started: its first question follows after a pause. */
export interface QuizStarted {
  readonly level: QuizLevel;
  readonly questions: number;
  readonly seconds: number;
  readonly starterId: string;
}

export interface QuizManagerDeps {
  readonly quizzes: QuizRepo;
  readonly settings: SettingsRepo;
  readonly knowledge: Pick<KnowledgeHolder, 'knowledge'>;
  readonly messenger: Messenger;
  /** Whether a quiz's channel still exists, when it resumes. */
  readonly channels: Pick<ChannelReader, 'channelFacts'>;
  readonly logger: Logger;
  readonly now: () => number;
  readonly random: Random;
  /** Pause between a reveal and the next question, and before the first. */
  readonly pauseMs: number;
  readonly resumeGraceMs?: number;
}

const ALREADY_RUNNING = 'A quiz is already running in this channel. Join in, or wait for it to finish!';

/** How long a quiz may stay down beyond its own remaining time and still resume. */
export const RESUME_GRACE_MS = 10 * 60_000;
const WRITE_RETRY_MS = { first: 250, max: 5_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs group quizzes: the pure QuizGame decides, this class keeps the clock (real timers),
 * writes every answer to the database the moment it is given, and posts the messages.
 * Each round's deadline and message are stored, so a restarted bot resumes the quiz.
 */
export class QuizManager {
  private readonly active = new Map<number, ActiveQuiz>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: QuizManagerDeps) {}

  get runningCount(): number {
    return this.active.size;
  }

  /** Resolves once no quiz is running (the offline console waits on it before exiting). */
  whenIdle(): Promise<void> {
    return this.active.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Starts a quiz, or refuses with a UserError: not a study channel, one already running, no questions. */
  async start(input: { guildId: string; channelId: string; userId: string; level: QuizLevel; questions: number; seconds: number }): Promise<QuizStarted> {
    const { quizzes, settings, knowledge, now, random } = this.deps;
    if (!(await settings.isStudyChannel(input.guildId, input.channelId))) {
      const channels = (await settings.get(input.guildId)).studyChannelIds;
      throw new UserError(
        channels.length > 0
          ? `Quizzes run in the study channels: ${channels.map(channelMention).join(', ')}. Head there and try again!`
          : 'This server has no study channels yet. An admin (Manage Server) can add one with `/setup study-channel add`.',
      );
    }
    if ((await quizzes.runningInChannel(input.channelId)) !== undefined) throw new UserError(ALREADY_RUNNING);
    const items = drawItems(knowledge.knowledge.quiz, input.level, input.questions, random);
    if (items.length === 0) throw new UserError('I have no quiz questions for that level yet.');
    // The schema keeps one running quiz per channel, whichever process or host starts it.
    const sessionId = await quizzes.startSession({
      ...input,
      startedBy: input.userId,
      questionCount: items.length,
      startedAt: now(),
      itemIds: items.map((item) => item.id),
    });
    if (sessionId === null) throw new UserError(ALREADY_RUNNING);
    const session = (await quizzes.runningInChannel(input.channelId)) as QuizSessionRow;
    const quiz = this.track(session, new QuizGame(items, input.seconds, [], input.userId), null);
    this.later(quiz, this.deps.pauseMs, 'open a quiz round', () => this.openRound(quiz));
    return { level: input.level, questions: items.length, seconds: input.seconds, starterId: input.userId };
  }

  private track(session: QuizSessionRow, game: QuizGame, messageId: string | null): ActiveQuiz {
    const quiz: ActiveQuiz = { session, game, messageId, timer: null, closing: false, writes: Promise.resolve() };
    this.active.set(session.id, quiz);
    return quiz;
  }

  /** The quiz's next step after a delay, run so that a failure is logged and never crashes the bot. */
  private later(quiz: ActiveQuiz, ms: number, what: string, step: () => Promise<void>): void {
    if (quiz.timer) clearTimeout(quiz.timer);
    quiz.timer = setTimeout(
      () => {
        quiz.timer = null;
        safely(this.deps.logger, what, { session: quiz.session.id, channel: quiz.session.channelId }, step);
      },
      Math.max(0, ms),
    );
  }

  /**
   * Queues a write behind the quiz's earlier ones. A locked or failing database is retried with
   * backoff while the quiz goes on in memory, so a deadline never waits on the write lock.
   */
  private write(quiz: ActiveQuiz, what: string, write: () => Promise<void>): void {
    quiz.writes = quiz.writes.then(async () => {
      for (let delay = WRITE_RETRY_MS.first; ; delay = Math.min(WRITE_RETRY_MS.max, delay * 2)) {
        try {
          await write();
          return;
        } catch (error) {
          if (!isStorageFault(error)) throw error;
          this.deps.logger.warn({ err: error, session: quiz.session.id, round: quiz.game.current?.round, retryInMs: delay }, `cannot ${what} yet; retrying`);
          await sleep(delay);
        }
      }
    });
    quiz.writes = quiz.writes.catch((error: unknown) => this.deps.logger.error({ err: error, session: quiz.session.id }, `cannot ${what}`));
  }

  private async openRound(quiz: ActiveQuiz): Promise<void> {
    const { quizzes, messenger, now } = this.deps;
    if (!this.active.has(quiz.session.id)) return;
    const state = quiz.game.openNextRound(now());
    const sessionId = quiz.session.id;
    this.write(quiz, 'record a quiz round', () => quizzes.openRound(sessionId, state.round, state.item.id, state.item.level, state.openedAt, state.deadlineAt));
    this.later(quiz, state.deadlineAt - now(), 'close a quiz round', () => this.closeRound(quiz));
    let messageId: string;
    try {
      messageId = (await messenger.send(quiz.session.channelId, roundMessage(sessionId, state, quiz.game.items.length))).messageId;
    } catch (error) {
      this.deps.logger.warn({ err: error, session: sessionId }, 'cannot post a quiz round; stopping the quiz');
      await this.finish(quiz, 'stopped', false);
      return;
    }
    this.write(quiz, 'record a quiz message', () => quizzes.setRoundMessage(sessionId, state.round, messageId));
    if (this.active.has(sessionId) && quiz.game.current?.round === state.round) {
      quiz.messageId = messageId;
      return;
    }
    // Stopped while the post was in flight: its buttons must not stay live.
    await this.showClosed(quiz, messageId, { ...state, open: false });
  }

  private showClosed(quiz: ActiveQuiz, messageId: string, round: RoundState): Promise<void> {
    return this.reveal(quiz.session, messageId, round, quiz.game);
  }

  /** Edits a round's message into its answer, with its buttons disabled. */
  private async reveal(session: QuizSessionRow, messageId: string, round: RoundState, game: QuizGame): Promise<void> {
    const answers = game.allAnswers.filter((a) => a.round === round.round);
    const right = answers.filter((a) => a.correct).map((a) => a.userId);
    const wrong = answers.filter((a) => !a.correct).map((a) => a.userId);
    await this.deps.messenger
      .edit(session.channelId, messageId, revealMessage(round, session.questionCount, right, wrong, game.standings()))
      .catch((error: unknown) => this.deps.logger.warn({ err: error, session: session.id, round: round.round }, 'cannot show a quiz answer'));
  }

  /** Closes the open round (revealing the answer) and moves on; the database catches up if busy. */
  private async closeRound(quiz: ActiveQuiz): Promise<void> {
    if (quiz.closing || !this.active.has(quiz.session.id) || !quiz.game.current?.open) return;
    quiz.closing = true;
    if (quiz.timer) clearTimeout(quiz.timer);
    quiz.timer = null;
    const { quizzes, now } = this.deps;
    try {
      const { round } = quiz.game.closeRound();
      const closedAt = now();
      this.write(quiz, 'close a quiz round', () => quizzes.closeRound(quiz.session.id, round.round, closedAt));
      if (quiz.messageId !== null) await this.showClosed(quiz, quiz.messageId, round);
    } finally {
      quiz.closing = false;
    }
    if (!this.active.has(quiz.session.id)) return;
    if (quiz.game.hasNextRound) this.later(quiz, this.deps.pauseMs, 'open a quiz round', () => this.openRound(quiz));
    else await this.finish(quiz, 'finished', true);
  }

  /** A button press: what became of it, for the presser's private acknowledgement. */
  async press(input: { sessionId: number; round: number; choice: string; userId: string; channelId: string }): Promise<PressOutcome> {
    const quiz = this.active.get(input.sessionId);
    if (quiz === undefined) return { kind: 'quiz-ended' };
    if (quiz.session.channelId !== input.channelId) return { kind: 'other-channel' };
    const outcome = quiz.game.press(input.userId, input.round, input.choice, this.deps.now());
    switch (outcome.kind) {
      case 'round-closed':
      case 'invalid-choice':
        return { kind: outcome.kind };
      case 'already-answered':
        return { kind: 'already-answered', label: outcome.label };
      case 'locked': {
        // Saved before it is acknowledged: a crash after "locked in" loses nothing.
        let saved: boolean;
        try {
          saved = await this.deps.quizzes.recordAnswer(quiz.session.id, outcome.answer);
        } catch (error) {
          if (!isStorageFault(error)) throw error;
          this.deps.logger.warn({ err: error, session: quiz.session.id, round: input.round, user: input.userId }, 'cannot save a quiz answer');
          return { kind: 'not-saved' };
        }
        // A second press that overtook the first while it was being saved: the database kept the first.
        if (!saved) return { kind: 'already-answered', label: null };
        quiz.game.record(outcome.answer);
        if (outcome.everyoneAnswered)
          setImmediate(() => safely(this.deps.logger, 'close a quiz round', { session: quiz.session.id }, () => this.closeRound(quiz)));
        return { kind: 'locked', label: outcome.label };
      }
    }
  }

  /** `/quiz stop`: the starter or anyone with Manage Messages; anyone else gets a UserError. */
  async stop(input: { channelId: string; userId: string; canManageMessages: boolean }): Promise<void> {
    const quiz = [...this.active.values()].find((q) => q.session.channelId === input.channelId);
    if (quiz === undefined) throw new UserError('No quiz is running in this channel.');
    if (quiz.session.startedBy !== input.userId && !input.canManageMessages)
      throw new UserError('Only the person who started this quiz, or someone with Manage Messages, can stop it.');
    await this.finish(quiz, 'stopped', true);
  }

  /** Stops the clock and closes the open round, counting its answers; returns once the database has it all. */
  private async halt(quiz: ActiveQuiz): Promise<void> {
    if (quiz.timer) clearTimeout(quiz.timer);
    quiz.timer = null;
    const current = quiz.game.current;
    if (current?.open) {
      const { round } = quiz.game.closeRound();
      const closedAt = this.deps.now();
      this.write(quiz, 'close a quiz round', () => this.deps.quizzes.closeRound(quiz.session.id, round.round, closedAt));
      if (quiz.messageId !== null) await this.showClosed(quiz, quiz.messageId, round);
    }
  }

  private async finish(quiz: ActiveQuiz, ending: 'finished' | 'stopped' | 'interrupted', announce: boolean): Promise<void> {
    if (!this.active.delete(quiz.session.id)) return;
    await this.halt(quiz);
    const endedAt = this.deps.now();
    // Not awaited: a locked database must not hold up the `/quiz stop` reply; the write lands later.
    this.write(quiz, 'end a quiz', () => this.deps.quizzes.endSession(quiz.session.id, ending, endedAt));
    if (announce) {
      await this.deps.messenger
        .send(quiz.session.channelId, finalMessage(quiz.game.standings(), ending))
        .catch((error: unknown) => this.deps.logger.warn({ err: error, session: quiz.session.id }, 'cannot post quiz standings'));
    }
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.active.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private get graceMs(): number {
    return this.deps.resumeGraceMs ?? RESUME_GRACE_MS;
  }

  /**
   * At start-up: each running quiz of these guilds resumes where it was. A round whose deadline
   * passed while the bot was down is closed and revealed, then the quiz goes on. A quiz whose
   * channel is gone, or that was down longer than its remaining time plus a grace period, is
   * closed with a notice, keeping every recorded answer. Returns how many quizzes resumed.
   */
  async recoverInterrupted(ownsGuild: (guildId: string) => boolean): Promise<number> {
    let resumed = 0;
    for (const session of await this.deps.quizzes.running()) {
      if (!ownsGuild(session.guildId) || this.active.has(session.id)) continue;
      try {
        if (await this.resume(session)) resumed++;
      } catch (error) {
        this.deps.logger.error({ err: error, session: session.id, channel: session.channelId }, 'cannot resume a quiz');
      }
    }
    return resumed;
  }

  private async resume(session: QuizSessionRow): Promise<boolean> {
    const { quizzes, knowledge, messenger, channels, logger, now } = this.deps;
    const byId = new Map(knowledge.knowledge.quiz.map((item) => [item.id, item]));
    const items = session.itemIds?.map((id) => byId.get(id));
    const answers = await quizzes.answers(session.id);
    const rounds = await quizzes.rounds(session.id);
    const last = rounds.at(-1);
    const roundMs = session.seconds * 1000;
    // When the quiz would have ended had the bot stayed up.
    const expectedEnd = (last?.deadlineAt ?? session.startedAt + this.deps.pauseMs) + (session.questionCount - rounds.length) * (roundMs + this.deps.pauseMs);
    const reason =
      items === undefined || items.some((item) => item === undefined)
        ? 'its questions are no longer known'
        : now() > expectedEnd + this.graceMs
          ? 'the bot was down too long'
          : (await channels.channelFacts(session.guildId, session.channelId)) === null
            ? 'its channel is gone'
            : null;
    if (reason !== null) {
      logger.info({ session: session.id, channel: session.channelId, reason }, 'closing a quiz a restart interrupted');
      await quizzes.endSession(session.id, 'interrupted', now());
      const game = new QuizGame([], session.seconds, answers, session.startedBy);
      const lastItem = last === undefined ? undefined : byId.get(last.itemId);
      if (last?.messageId && last.closedAt === null && lastItem !== undefined) {
        const round = { round: last.round, item: lastItem, openedAt: last.openedAt, deadlineAt: last.deadlineAt, open: false };
        await this.reveal(session, last.messageId, round, game);
      }
      await messenger
        .send(session.channelId, finalMessage(game.standings(), 'interrupted'))
        .catch((error: unknown) => logger.warn({ err: error, session: session.id }, 'cannot announce an interrupted quiz'));
      return false;
    }
    // Replays the stored rounds into a fresh game: same items, same deadlines, same answers.
    const game = new QuizGame(items as QuizItem[], session.seconds, answers, session.startedBy);
    for (const round of rounds) {
      game.openNextRound(round.openedAt);
      if (round !== last || round.closedAt !== null) game.closeRound();
    }
    const quiz = this.track(session, game, last?.messageId ?? null);
    logger.info({ session: session.id, channel: session.channelId, round: last?.round ?? 0 }, 'resuming a quiz after a restart');
    if (game.current?.open) this.later(quiz, game.current.deadlineAt - now(), 'close a quiz round', () => this.closeRound(quiz));
    else if (game.hasNextRound) this.later(quiz, this.deps.pauseMs, 'open a quiz round', () => this.openRound(quiz));
    else await this.finish(quiz, 'finished', true);
    return true;
  }

  /**
   * Graceful shutdown: each quiz pauses. Its open round is closed and revealed (its answers count),
   * a notice says so, and the quiz stays running in the database for the next start to resume.
   */
  async shutdown(): Promise<void> {
    await Promise.all(
      [...this.active.values()].map(async (quiz) => {
        this.active.delete(quiz.session.id);
        await this.halt(quiz);
        await Promise.race([quiz.writes, sleep(WRITE_RETRY_MS.max)]);
        await this.deps.messenger
          .send(quiz.session.channelId, pausedMessage(quiz.game.standings(), Math.round(this.graceMs / 60_000)))
          .catch((error: unknown) => this.deps.logger.warn({ err: error, session: quiz.session.id }, 'cannot announce a paused quiz'));
      }),
    );
    this.notifyIfIdle();
  }
}
