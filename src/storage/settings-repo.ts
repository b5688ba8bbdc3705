import type { Db } from './database.ts';

export interface TermSchedule {
  readonly channelId: string;
  /** Local time of day, "HH:MM". */
  readonly time: string;
  /** IANA time zone, e.g. "Europe/London". */
  readonly timezone: string;
  readonly roleId: string | null;
}

export interface GuildSettings {
  readonly guildId: string;
  readonly studyChannelIds: readonly string[];
  readonly termSchedule: TermSchedule | null;
  /** The last problem the bot met posting the term of the day, if any. */
  readonly termProblem: string | null;
}

interface SettingsRow {
  term_channel_id: string | null;
  term_time: string | null;
  term_timezone: string | null;
  term_role_id: string | null;
  term_problem: string | null;
}

/** Per-server configuration: study channels and the daily term schedule. */
export class SettingsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get(guildId: string): GuildSettings {
    const row = this.db
      .prepare<[string], SettingsRow>('SELECT term_channel_id, term_time, term_timezone, term_role_id, term_problem FROM guild_settings WHERE guild_id = ?')
      .get(guildId);
    const studyChannelIds = this.db
      .prepare<[string], { channel_id: string }>('SELECT channel_id FROM study_channels WHERE guild_id = ? ORDER BY added_at, channel_id')
      .all(guildId)
      .map((r) => r.channel_id);
    const termSchedule =
      row?.term_channel_id && row.term_time && row.term_timezone
        ? { channelId: row.term_channel_id, time: row.term_time, timezone: row.term_timezone, roleId: row.term_role_id }
        : null;
    return { guildId, studyChannelIds, termSchedule, termProblem: row?.term_problem ?? null };
  }

  /** Returns false when the channel was already a study channel. */
  addStudyChannel(guildId: string, channelId: string): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO study_channels (guild_id, channel_id, added_at) VALUES (?, ?, ?)')
      .run(guildId, channelId, this.now());
    return result.changes === 1;
  }

  /** Returns false when the channel was not a study channel. */
  removeStudyChannel(guildId: string, channelId: string): boolean {
    return this.db.prepare('DELETE FROM study_channels WHERE guild_id = ? AND channel_id = ?').run(guildId, channelId).changes === 1;
  }

  isStudyChannel(guildId: string, channelId: string): boolean {
    return this.db.prepare('SELECT 1 FROM study_channels WHERE guild_id = ? AND channel_id = ?').get(guildId, channelId) !== undefined;
  }

  setTermSchedule(guildId: string, schedule: TermSchedule | null): void {
    this.db
      .prepare(
        `INSERT INTO guild_settings (guild_id, term_channel_id, term_time, term_timezone, term_role_id, term_problem, updated_at)
         VALUES (@guildId, @channelId, @time, @timezone, @roleId, NULL, @now)
         ON CONFLICT (guild_id) DO UPDATE SET term_channel_id = @channelId, term_time = @time, term_timezone = @timezone,
           term_role_id = @roleId, term_problem = NULL, updated_at = @now`,
      )
      .run({
        guildId,
        channelId: schedule?.channelId ?? null,
        time: schedule?.time ?? null,
        timezone: schedule?.timezone ?? null,
        roleId: schedule?.roleId ?? null,
        now: this.now(),
      });
  }

  /** Records (or clears, with null) a problem posting the daily term, for `/setup show`. */
  setTermProblem(guildId: string, problem: string | null): void {
    this.db
      .prepare(
        `INSERT INTO guild_settings (guild_id, term_problem, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET term_problem = excluded.term_problem, updated_at = excluded.updated_at`,
      )
      .run(guildId, problem, this.now());
  }

  /** Every server with a daily term schedule. */
  scheduledGuilds(): Array<{ guildId: string; schedule: TermSchedule }> {
    return this.db
      .prepare<[], SettingsRow & { guild_id: string }>(
        'SELECT guild_id, term_channel_id, term_time, term_timezone, term_role_id, term_problem FROM guild_settings WHERE term_channel_id IS NOT NULL',
      )
      .all()
      .map((row) => ({
        guildId: row.guild_id,
        schedule: { channelId: row.term_channel_id!, time: row.term_time!, timezone: row.term_timezone!, roleId: row.term_role_id },
      }));
  }
}
