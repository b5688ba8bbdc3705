import type { Db } from './database.ts';

export interface ReminderSetting {
  readonly userId: string;
  /** Local time of day, "HH:MM". */
  readonly time: string;
  readonly timezone: string;
}

export interface StudentSettings {
  readonly timezone: string | null;
  readonly reminder: ReminderSetting | null;
}

/** `none-due`: the reminder time came with no card due, so nothing was sent that day. */
export type ReminderStatus = 'pending' | 'sent' | 'failed' | 'none-due';

export interface ReminderSend {
  readonly userId: string;
  readonly localDate: string;
  readonly status: ReminderStatus;
  readonly dueCount: number;
  readonly channelId: string | null;
  readonly createdAt: number;
}

interface Row {
  timezone: string | null;
  remind_time: string | null;
  remind_timezone: string | null;
}

/** Each student's own settings, study days, and the reminder DMs sent to them. */
export class StudentRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get(userId: string): StudentSettings {
    const row = this.db.prepare<[string], Row>('SELECT timezone, remind_time, remind_timezone FROM student_settings WHERE user_id = ?').get(userId);
    const reminder = row?.remind_time && row.remind_timezone ? { userId, time: row.remind_time, timezone: row.remind_timezone } : null;
    return { timezone: row?.timezone ?? null, reminder };
  }

  private upsert(userId: string, column: 'timezone' | 'remind_notice' | 'streak_noted_on', value: string | null): void {
    this.db
      .prepare(`INSERT INTO student_settings (user_id, ${column}, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`)
      .run(userId, value, this.now());
  }

  setTimezone(userId: string, timezone: string): void {
    this.upsert(userId, 'timezone', timezone);
  }

  /** `null` turns reminders off; `notice` is shown at the student's next interaction. */
  setReminder(userId: string, reminder: { time: string; timezone: string } | null, notice: string | null = null): void {
    this.db
      .prepare(
        `INSERT INTO student_settings (user_id, remind_time, remind_timezone, remind_notice, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET remind_time = excluded.remind_time, remind_timezone = excluded.remind_timezone,
           remind_notice = excluded.remind_notice, updated_at = excluded.updated_at`,
      )
      .run(userId, reminder?.time ?? null, reminder?.timezone ?? null, notice, this.now());
  }

  /**
   * The notice waiting for the student, cleared as it is read: shown once. Asked on every
   * interaction, so the usual case (no notice) is one indexed read and no write.
   */
  takeNotice(userId: string): string | null {
    const notice = this.db.prepare<[string], { n: string | null }>('SELECT remind_notice AS n FROM student_settings WHERE user_id = ?').get(userId)?.n ?? null;
    if (notice === null) return null;
    const claimed = this.db.prepare('UPDATE student_settings SET remind_notice = NULL WHERE user_id = ? AND remind_notice = ?').run(userId, notice).changes === 1;
    return claimed ? notice : null;
  }

  reminders(): ReminderSetting[] {
    return this.db
      .prepare<[], ReminderSetting>('SELECT user_id AS userId, remind_time AS time, remind_timezone AS timezone FROM student_settings WHERE remind_time IS NOT NULL AND remind_timezone IS NOT NULL')
      .all();
  }

  recordStudy(userId: string, kind: 'practice' | 'quiz-me', at: number): void {
    this.db.prepare('INSERT INTO study_events (user_id, kind, at) VALUES (?, ?, ?)').run(userId, kind, at);
  }

  /** Every instant the student studied: quiz answers, practice cards and "Quiz me" presses. */
  studyTimes(userId: string): number[] {
    return this.db
      .prepare<[string, string], { at: number }>('SELECT answered_at AS at FROM quiz_answers WHERE user_id = ? UNION ALL SELECT at FROM study_events WHERE user_id = ?')
      .all(userId, userId)
      .map((row) => row.at);
  }

  /** Claims the one streak announcement of a local date: true only the first time. */
  claimStreakNote(userId: string, localDate: string): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO student_settings (user_id, streak_noted_on, updated_at) VALUES (@userId, @localDate, @now)
           ON CONFLICT (user_id) DO UPDATE SET streak_noted_on = excluded.streak_noted_on, updated_at = excluded.updated_at
           WHERE streak_noted_on IS NOT excluded.streak_noted_on`,
        )
        .run({ userId, localDate, now: this.now() }).changes === 1
    );
  }

  reminderSend(userId: string, localDate: string): ReminderSend | undefined {
    return this.db.prepare<[string, string], ReminderSend>(`SELECT ${SEND_COLUMNS} FROM reminder_sends WHERE user_id = ? AND local_date = ?`).get(userId, localDate);
  }

  /**
   * Records the day's reminder before anything is sent: pending when cards are due, none-due
   * otherwise. Returns false if that day already has a row: one reminder a day, at most.
   */
  recordReminder(userId: string, localDate: string, dueCount: number): boolean {
    return (
      this.db
        .prepare(`INSERT OR IGNORE INTO reminder_sends (user_id, local_date, status, due_count, created_at) VALUES (?, ?, ?, ?, ?)`)
        .run(userId, localDate, dueCount > 0 ? 'pending' : 'none-due', dueCount, this.now()).changes === 1
    );
  }

  /** The DM channel, saved before the send so a restart knows where to look. */
  setReminderChannel(userId: string, localDate: string, channelId: string): void {
    this.db.prepare('UPDATE reminder_sends SET channel_id = ? WHERE user_id = ? AND local_date = ?').run(channelId, userId, localDate);
  }

  markReminder(userId: string, localDate: string, status: 'sent' | 'failed', messageId: string | null = null): void {
    this.db
      .prepare('UPDATE reminder_sends SET status = ?, message_id = ?, sent_at = ? WHERE user_id = ? AND local_date = ?')
      .run(status, messageId, this.now(), userId, localDate);
  }

  pendingReminders(): ReminderSend[] {
    return this.db.prepare<[], ReminderSend>(`SELECT ${SEND_COLUMNS} FROM reminder_sends WHERE status = 'pending' ORDER BY local_date`).all();
  }
}

const SEND_COLUMNS = 'user_id AS userId, local_date AS localDate, status, due_count AS dueCount, channel_id AS channelId, created_at AS createdAt';
