import { dueCounts } from '../engines/practice.ts';
import { addDays, milestoneReached, streakOn, type Streak } from '../engines/streaks.ts';
import { localDate } from '../engines/term-schedule.ts';
import type { StudySummary } from '../format/quiz.ts';
import type { Logger } from '../logger.ts';
import type { PracticeRepo } from '../storage/practice-repo.ts';
import type { SettingsRepo } from '../storage/settings-repo.ts';
import type { StudentRepo } from '../storage/student-repo.ts';
import { isStorageFault } from './safely.ts';

/**
 * A student's study days and streak, in their local day: their own time zone
 * (`/quiz settings timezone:`), else the server's (its term-of-the-day zone), else UTC.
 */
export class StudyService {
  constructor(
    private readonly deps: {
      students: StudentRepo;
      settings: SettingsRepo;
      practice: PracticeRepo;
      now: () => number;
      logger: Logger;
      /** Whether reminders can reach anyone from here: the offline console sends no DMs. */
      sendsDms: boolean;
    },
  ) {}

  get sendsDms(): boolean {
    return this.deps.sendsDms;
  }

  async timezoneOf(userId: string, guildId: string | null): Promise<string> {
    const own = (await this.deps.students.get(userId)).timezone;
    if (own !== null) return own;
    return (guildId === null ? null : (await this.deps.settings.get(guildId)).termSchedule?.timezone) ?? 'UTC';
  }

  setTimezone(userId: string, timezone: string): Promise<void> {
    return this.deps.students.setTimezone(userId, timezone);
  }

  /** Practice reminders at a local time, or none (null). */
  setReminder(userId: string, reminder: { time: string; timezone: string } | null): Promise<void> {
    return this.deps.students.setReminder(userId, reminder);
  }

  /** A notice the bot owes this student (reminders turned off because DMs are closed), handed out once. */
  takeNotice(userId: string): Promise<string | null> {
    return this.deps.students.takeNotice(userId);
  }

  async today(userId: string, guildId: string | null): Promise<string> {
    return localDate(new Date(this.deps.now()), await this.timezoneOf(userId, guildId));
  }

  async streak(userId: string, guildId: string | null): Promise<Streak> {
    const zone = await this.timezoneOf(userId, guildId);
    const dates = (await this.deps.students.studyTimes(userId)).map((at) => localDate(new Date(at), zone));
    return streakOn(dates, localDate(new Date(this.deps.now()), zone));
  }

  async summary(userId: string, guildId: string | null): Promise<StudySummary> {
    const timezone = await this.timezoneOf(userId, guildId);
    const today = localDate(new Date(this.deps.now()), timezone);
    const due = dueCounts(await this.deps.practice.cards(userId), today, addDays(today, 1), (at) => localDate(new Date(at), timezone));
    return { timezone, streak: await this.streak(userId, guildId), due };
  }

  /**
   * After a study action: the line to add to its reply when it took the streak to a milestone
   * (once per local day), else null. Quiz answers are already stored; practice and "Quiz me"
   * are recorded here with `kind`.
   */
  async studied(userId: string, guildId: string | null, kind?: 'practice' | 'quiz-me'): Promise<string | null> {
    try {
      if (kind !== undefined) await this.deps.students.recordStudy(userId, kind, this.deps.now());
      const streak = await this.streak(userId, guildId);
      const milestone = milestoneReached(streak);
      if (milestone === null || !(await this.deps.students.claimStreakNote(userId, await this.today(userId, guildId)))) return null;
      return `🔥 That makes a **${milestone}-day study streak**! Keep it going tomorrow.`;
    } catch (error) {
      // The answer itself is saved; a busy database only costs the streak line.
      if (!isStorageFault(error)) throw error;
      this.deps.logger.warn({ err: error, user: userId }, 'cannot record a study day');
      return null;
    }
  }
}
