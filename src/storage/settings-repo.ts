import type { TermSchedule } from '../domain/term.ts';
import type { SqlClient } from './sql.ts';

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
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  async get(guildId: string): Promise<GuildSettings> {
    const row = await this.db.get<SettingsRow>(
      'SELECT term_channel_id, term_time, term_timezone, term_role_id, term_problem FROM guild_settings WHERE guild_id = ?',
      [guildId],
    );
    const channels = await this.db.all<{ channel_id: string }>('SELECT channel_id FROM study_channels WHERE guild_id = ? ORDER BY added_at, channel_id', [
      guildId,
    ]);
    const termSchedule =
      row?.term_channel_id && row.term_time && row.term_timezone
        ? { channelId: row.term_channel_id, time: row.term_time, timezone: row.term_timezone, roleId: row.term_role_id }
        : null;
    return { guildId, studyChannelIds: channels.map((r) => r.channel_id), termSchedule, termProblem: row?.term_problem ?? null };
  }

  /** Resolves false when the channel was already a study channel. */
  async addStudyChannel(guildId: string, channelId: string): Promise<boolean> {
    const changed = await this.db.run('INSERT INTO study_channels (guild_id, channel_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      guildId,
      channelId,
      this.now(),
    ]);
    return changed === 1;
  }

  /** Resolves false when the channel was not a study channel. */
  async removeStudyChannel(guildId: string, channelId: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM study_channels WHERE guild_id = ? AND channel_id = ?', [guildId, channelId])) === 1;
  }

  async isStudyChannel(guildId: string, channelId: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS found FROM study_channels WHERE guild_id = ? AND channel_id = ?', [guildId, channelId])) !== undefined;
  }

  async setTermSchedule(guildId: string, schedule: TermSchedule | null): Promise<void> {
    await this.db.run(
      `INSERT INTO guild_settings (guild_id, term_channel_id, term_time, term_timezone, term_role_id, term_problem, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (guild_id) DO UPDATE SET term_channel_id = excluded.term_channel_id, term_time = excluded.term_time,
         term_timezone = excluded.term_timezone, term_role_id = excluded.term_role_id, term_problem = NULL, updated_at = excluded.updated_at`,
      [guildId, schedule?.channelId ?? null, schedule?.time ?? null, schedule?.timezone ?? null, schedule?.roleId ?? null, this.now()],
    );
  }

  /** Records (or clears, with null) a problem posting the daily term, for `/setup show`. */
  async setTermProblem(guildId: string, problem: string | null): Promise<void> {
    await this.db.run(
      `INSERT INTO guild_settings (guild_id, term_problem, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (guild_id) DO UPDATE SET term_problem = excluded.term_problem, updated_at = excluded.updated_at`,
      [guildId, problem, this.now()],
    );
  }

  /** Every server with a daily term schedule. */
  async scheduledGuilds(): Promise<Array<{ guildId: string; schedule: TermSchedule }>> {
    const rows = await this.db.all<SettingsRow & { guild_id: string }>(
      'SELECT guild_id, term_channel_id, term_time, term_timezone, term_role_id, term_problem FROM guild_settings WHERE term_channel_id IS NOT NULL ORDER BY guild_id',
    );
    return rows.map((row) => ({
      guildId: row.guild_id,
      schedule: { channelId: row.term_channel_id!, time: row.term_time!, timezone: row.term_timezone!, roleId: row.term_role_id },
    }));
  }
}
