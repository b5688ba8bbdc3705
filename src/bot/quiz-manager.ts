import { drawItems, QuizGame, type QuizLevel, type Random } from '../engines/quiz.ts';
import { finalMessage, quizIntro, revealMessage, roundMessage } from '../format/quiz.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import type { QuizSessionRow } from '../storage/quiz-repo.ts';
import type { BotContext } from './command.ts';

interface ActiveQuiz {
  readonly session: QuizSessionRow;
  readonly game: QuizGame;
  messageId: string | null;
  timer: NodeJS.Timeout | null;
  closing: boolean;
}

export type StartOutcome = { ok: true; intro: ReplyPayload } | { ok: false; message: string };

/**
 * Runs group quizzes: the pure QuizGame decides, this class keeps the clock (real timers),
 * writes every answer to the database the moment it is given, and posts the messages.
 */
export class QuizManager {
  private readonly active = new Map<number, ActiveQuiz>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly deps: Pick<BotContext, 'storage' | 'knowledge' | 'messenger' | 'logger' | 'now'> & {
      random: Random;
      /** Pause between a reveal and the next question, and before the first. */
      pauseMs: number;
    },
  ) {}

  get runningCount(): number {
    return this.active.size;
  }

  /** Resolves once no quiz is running (the offline console waits on it before exiting). */
  whenIdle(): Promise<void> {
    return this.active.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  start(input: { guildId: string; channelId: string; userId: string; level: QuizLevel; questions: number; seconds: number }): StartOutcome {
    const { storage, knowledge, now, random } = this.deps;
    if (!storage.settings.isStudyChannel(input.guildId, input.channelId)) {
      const channels = storage.settings.get(input.guildId).studyChannelIds;
      return {
        ok: false,
        message:
          channels.length > 0
            ? `Quizzes run in the study channels: ${channels.map((id) => `<#${id}>`).join(', ')}. Head there and try again!`
            : 'This server has no study channels yet. An admin (Manage Server) can add one with `/setup study-channel add`.',
      };
    }
    if (storage.quiz.runningInChannel(input.channelId) !== undefined) return { ok: false, message: 'A quiz is already running in this channel. Join in, or wait for it to finish!' };
    const items = drawItems(knowledge.knowledge.quiz, input.level, input.questions, random);
    if (items.length === 0) return { ok: false, message: 'I have no quiz questions for that level yet.' };
    const sessionId = storage.quiz.startSession({ ...input, startedBy: input.userId, questionCount: items.length, startedAt: now() });
    if (sessionId === null) return { ok: false, message: 'A quiz is already running in this channel. Join in, or wait for it to finish!' };
    const session = storage.quiz.runningInChannel(input.channelId) as QuizSessionRow;
    const quiz: ActiveQuiz = { session, game: new QuizGame(items, input.seconds, [], input.userId), messageId: null, timer: null, closing: false };
    this.active.set(sessionId, quiz);
    quiz.timer = setTimeout(() => void this.openRound(quiz), this.deps.pauseMs);
    return { ok: true, intro: quizIntro(input.level, items.length, input.seconds, input.userId) };
  }

  private async openRound(quiz: ActiveQuiz): Promise<void> {
    const { storage, messenger, now } = this.deps;
    quiz.timer = null;
    if (!this.active.has(quiz.session.id)) return;
    const state = quiz.game.openNextRound(now());
    storage.quiz.openRound(quiz.session.id, state.round, state.item.id, state.item.level, state.openedAt, state.deadlineAt);
    quiz.timer = setTimeout(() => void this.closeRound(quiz), state.deadlineAt - now());
    try {
      quiz.messageId = (await messenger.send(quiz.session.channelId, roundMessage(quiz.session.id, state, quiz.game.items.length))).messageId;
    } catch (error) {
      this.deps.logger.warn({ err: error, session: quiz.session.id }, 'cannot post a quiz round; stopping the quiz');
      await this.finish(quiz, 'stopped', false);
    }
  }

  private async closeRound(quiz: ActiveQuiz): Promise<void> {
    if (quiz.closing || !this.active.has(quiz.session.id) || !quiz.game.current?.open) return;
    quiz.closing = true;
    if (quiz.timer) clearTimeout(quiz.timer);
    quiz.timer = null;
    const { storage, messenger, now } = this.deps;
    const { round, right, wrong } = quiz.game.closeRound();
    storage.quiz.closeRound(quiz.session.id, round.round, now());
    if (quiz.messageId !== null) {
      await messenger
        .edit(quiz.session.channelId, quiz.messageId, revealMessage(round, quiz.game.items.length, right, wrong, quiz.game.standings()))
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'cannot show a quiz answer'));
    }
    quiz.closing = false;
    if (!this.active.has(quiz.session.id)) return;
    if (quiz.game.hasNextRound) quiz.timer = setTimeout(() => void this.openRound(quiz), this.deps.pauseMs);
    else await this.finish(quiz, 'finished', true);
  }

  /** A button press; returns the ephemeral line to show the presser. */
  async press(input: { sessionId: number; round: number; choice: string; userId: string; channelId: string }): Promise<string> {
    const quiz = this.active.get(input.sessionId);
    if (quiz === undefined) return 'That quiz has ended. Start a new one with `/quiz start`!';
    if (quiz.session.channelId !== input.channelId) return 'That button belongs to a quiz in another channel.';
    const outcome = quiz.game.press(input.userId, input.round, input.choice, this.deps.now());
    switch (outcome.kind) {
      case 'round-closed':
        return 'That question is closed. Get ready for the next one!';
      case 'invalid-choice':
        return 'That isn’t one of the choices for this question.';
      case 'already-answered':
        return `You already answered this one (${outcome.label}). One answer per question!`;
      case 'locked': {
        // Saved before it is acknowledged: a crash after "locked in" loses nothing.
        this.deps.storage.quiz.recordAnswer(quiz.session.id, outcome.answer);
        quiz.game.record(outcome.answer);
        if (outcome.everyoneAnswered) setImmediate(() => void this.closeRound(quiz));
        return `Locked in: **${outcome.label}**`;
      }
    }
  }

  /** `/quiz stop`: the starter or anyone with Manage Messages. */
  async stop(input: { channelId: string; userId: string; canManageMessages: boolean }): Promise<string> {
    const quiz = [...this.active.values()].find((q) => q.session.channelId === input.channelId);
    if (quiz === undefined) return 'No quiz is running in this channel.';
    if (quiz.session.startedBy !== input.userId && !input.canManageMessages) return 'Only the person who started this quiz, or someone with Manage Messages, can stop it.';
    await this.finish(quiz, 'stopped', true);
    return 'Quiz stopped. Scores so far are saved.';
  }

  private async finish(quiz: ActiveQuiz, ending: 'finished' | 'stopped' | 'interrupted', announce: boolean): Promise<void> {
    if (!this.active.delete(quiz.session.id)) return;
    if (quiz.timer) clearTimeout(quiz.timer);
    quiz.timer = null;
    const current = quiz.game.current;
    if (current?.open) {
      quiz.game.closeRound();
      if (quiz.messageId !== null) {
        await this.deps.messenger
          .edit(quiz.session.channelId, quiz.messageId, revealMessage({ ...current, open: false }, quiz.game.items.length, [], [], quiz.game.standings()))
          .catch(() => undefined);
      }
    }
    this.deps.storage.quiz.endSession(quiz.session.id, ending, this.deps.now());
    if (announce) {
      await this.deps.messenger
        .send(quiz.session.channelId, finalMessage(quiz.game.standings(), ending))
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'cannot post quiz standings'));
    }
    if (this.active.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** At start-up: quizzes left running by a crash are closed, keeping every recorded answer. */
  async recoverInterrupted(ownsGuild: (guildId: string) => boolean): Promise<number> {
    const { storage, messenger, now } = this.deps;
    let closed = 0;
    for (const session of storage.quiz.running()) {
      if (!ownsGuild(session.guildId) || this.active.has(session.id)) continue;
      const answers = storage.quiz.answers(session.id);
      storage.quiz.endSession(session.id, 'interrupted', now());
      closed++;
      const game = new QuizGame([], session.seconds, answers);
      await messenger.send(session.channelId, finalMessage(game.standings(), 'interrupted')).catch((error: unknown) => this.deps.logger.warn({ err: error, session: session.id }, 'cannot announce an interrupted quiz'));
    }
    return closed;
  }

  /** Graceful shutdown: every running quiz is closed with a note; answers stay saved. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.active.values()].map((quiz) => this.finish(quiz, 'interrupted', true)));
  }
}
