import type { SqlClient } from './sql.ts';

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
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  async get(userId: string): Promise<StudentSettings> {
    const row = await this.db.get<Row>('SELECT timezone, remind_time, remind_timezone FROM student_settings WHERE user_id = ?', [userId]);
    const reminder = row?.remind_time && row.remind_timezone ? { userId, time: row.remind_time, timezone: row.remind_timezone } : null;
    return { timezone: row?.timezone ?? null, reminder };
  }

  private async upsert(userId: string, column: 'timezone' | 'remind_notice' | 'streak_noted_on', value: string | null): Promise<void> {
    await this.db.run(
      `INSERT INTO student_settings (user_id, ${column}, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      [userId, value, this.now()],
    );
  }

  setTimezone(userId: string, timezone: string): Promise<void> {
    return this.upsert(userId, 'timezone', timezone);
  }

  /** `null` turns reminders off; `notice` is shown at the student's next interaction. */
  async setReminder(userId: string, reminder: { time: string; timezone: string } | null, notice: string | null = null): Promise<void> {
    await this.db.run(
      `INSERT INTO student_settings (user_id, remind_time, remind_timezone, remind_notice, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET remind_time = excluded.remind_time, remind_timezone = excluded.remind_timezone,
           remind_notice = excluded.remind_notice, updated_at = excluded.updated_at`,
      [userId, reminder?.time ?? null, reminder?.timezone ?? null, notice, this.now()],
    );
  }

  /**
   * The notice waiting for the student, cleared as it is read: shown once. Asked on every
   * interaction, so the usual case (no notice) is one indexed read and no write.
   */
  async takeNotice(userId: string): Promise<string | null> {
    const notice = (await this.db.get<{ n: string | null }>('SELECT remind_notice AS n FROM student_settings WHERE user_id = ?', [userId]))?.n ?? null;
    if (notice === null) return null;
    const claimed = (await this.db.run('UPDATE student_settings SET remind_notice = NULL WHERE user_id = ? AND remind_notice = ?', [userId, notice])) === 1;
    return claimed ? notice : null;
  }

  reminders(): Promise<ReminderSetting[]> {
    return this.db.all<ReminderSetting>(
      'SELECT user_id AS "userId", remind_time AS time, remind_timezone AS timezone FROM student_settings WHERE remind_time IS NOT NULL AND remind_timezone IS NOT NULL',
    );
  }

  async recordStudy(userId: string, kind: 'practice' | 'quiz-me', at: number): Promise<void> {
    await this.db.run('INSERT INTO study_events (user_id, kind, at) VALUES (?, ?, ?)', [userId, kind, at]);
  }

  /** Every instant the student studied: quiz answers, practice cards and "Quiz me" presses. */
  async studyTimes(userId: string): Promise<number[]> {
    const rows = await this.db.all<{ at: number }>(
      'SELECT answered_at AS at FROM quiz_answers WHERE user_id = ? UNION ALL SELECT at FROM study_events WHERE user_id = ?',
      [userId, userId],
    );
    return rows.map((row) => row.at);
  }

  /** Claims the one streak announcement of a local date: true only the first time. */
  async claimStreakNote(userId: string, localDate: string): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO student_settings (user_id, streak_noted_on, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET streak_noted_on = excluded.streak_noted_on, updated_at = excluded.updated_at
       WHERE student_settings.streak_noted_on IS DISTINCT FROM excluded.streak_noted_on`,
      [userId, localDate, this.now()],
    );
    return changed === 1;
  }

  reminderSend(userId: string, localDate: string): Promise<ReminderSend | undefined> {
    return this.db.get<ReminderSend>(`SELECT ${SEND_COLUMNS} FROM reminder_sends WHERE user_id = ? AND local_date = ?`, [userId, localDate]);
  }

  /**
   * Records the day's reminder before anything is sent: pending when cards are due, none-due
   * otherwise. Returns false if that day already has a row: one reminder a day, at most.
   */
  async recordReminder(userId: string, localDate: string, dueCount: number): Promise<boolean> {
    const changed = await this.db.run(
      'INSERT INTO reminder_sends (user_id, local_date, status, due_count, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, local_date) DO NOTHING',
      [userId, localDate, dueCount > 0 ? 'pending' : 'none-due', dueCount, this.now()],
    );
    return changed === 1;
  }

  /** The DM channel, saved before the send so a restart knows where to look. */
  async setReminderChannel(userId: string, localDate: string, channelId: string): Promise<void> {
    await this.db.run('UPDATE reminder_sends SET channel_id = ? WHERE user_id = ? AND local_date = ?', [channelId, userId, localDate]);
  }

  async markReminder(userId: string, localDate: string, status: 'sent' | 'failed', messageId: string | null = null): Promise<void> {
    await this.db.run('UPDATE reminder_sends SET status = ?, message_id = ?, sent_at = ? WHERE user_id = ? AND local_date = ?', [
      status,
      messageId,
      this.now(),
      userId,
      localDate,
    ]);
  }

  pendingReminders(): Promise<ReminderSend[]> {
    return this.db.all<ReminderSend>(`SELECT ${SEND_COLUMNS} FROM reminder_sends WHERE status = 'pending' ORDER BY local_date`);
  }
}

const SEND_COLUMNS = 'user_id AS "userId", local_date AS "localDate", status, due_count AS "dueCount", channel_id AS "channelId", created_at AS "createdAt"';
