import { dueCounts } from '../engines/practice.ts';
import { addDays, milestoneReached, streakOn, type Streak } from '../engines/streaks.ts';
import { localDate } from '../engines/term-schedule.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/index.ts';
import { isStorageFault } from './safely.ts';

export interface StudySummary {
  readonly timezone: string;
  readonly streak: Streak;
  readonly due: { readonly today: number; readonly tomorrow: number };
}

/**
 * A student's study days and streak, in their local day: their own time zone
 * (`/quiz settings timezone:`), else the server's (its term-of-the-day zone), else UTC.
 */
export class StudyService {
  constructor(private readonly deps: { storage: Storage; now: () => number; logger: Logger }) {}

  timezoneOf(userId: string, guildId: string | null): string {
    const own = this.deps.storage.students.get(userId).timezone;
    if (own !== null) return own;
    return (guildId === null ? null : this.deps.storage.settings.get(guildId).termSchedule?.timezone) ?? 'UTC';
  }

  today(userId: string, guildId: string | null): string {
    return localDate(new Date(this.deps.now()), this.timezoneOf(userId, guildId));
  }

  streak(userId: string, guildId: string | null): Streak {
    const zone = this.timezoneOf(userId, guildId);
    const dates = this.deps.storage.students.studyTimes(userId).map((at) => localDate(new Date(at), zone));
    return streakOn(dates, localDate(new Date(this.deps.now()), zone));
  }

  summary(userId: string, guildId: string | null): StudySummary {
    const timezone = this.timezoneOf(userId, guildId);
    const today = localDate(new Date(this.deps.now()), timezone);
    const due = dueCounts(this.deps.storage.practice.cards(userId), today, addDays(today, 1), (at) => localDate(new Date(at), timezone));
    return { timezone, streak: this.streak(userId, guildId), due };
  }

  /**
   * After a study action: the line to add to its reply when it took the streak to a milestone
   * (once per local day), else null. Quiz answers are already stored; practice and "Quiz me"
   * are recorded here with `kind`.
   */
  studied(userId: string, guildId: string | null, kind?: 'practice' | 'quiz-me'): string | null {
    try {
      if (kind !== undefined) this.deps.storage.students.recordStudy(userId, kind, this.deps.now());
      const streak = this.streak(userId, guildId);
      const milestone = milestoneReached(streak);
      if (milestone === null || !this.deps.storage.students.claimStreakNote(userId, this.today(userId, guildId))) return null;
      return `🔥 That makes a **${milestone}-day study streak**! Keep it going tomorrow.`;
    } catch (error) {
      // The answer itself is saved; a busy database only costs the streak line.
      if (!isStorageFault(error)) throw error;
      this.deps.logger.warn({ err: error, user: userId }, 'cannot record a study day');
      return null;
    }
  }
}
