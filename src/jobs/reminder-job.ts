import type { ChannelReader, Messenger } from '../interactions/types.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/index.ts';
import { isDue, localDate } from '../engines/term-schedule.ts';
import { DMS_CLOSED_NOTICE, reminderMarker, reminderMessage } from '../format/reminder.ts';
import type { ReminderSend } from '../storage/student-repo.ts';
import { CANNOT_DM_USER, CLOCK_SKEW_MS, codeOf, deliveryNonce, HISTORY_LIMIT } from './delivery.ts';

/**
 * Practice reminders by DM, for students who turned them on. Called once a minute, like the
 * term of the day and with its safety (./delivery.ts): the day's reminder is recorded before
 * it is sent (pending, or none-due when no card is due, which sends nothing), sent with a
 * nonce, then marked sent; at start-up a pending one is looked for in the DM channel before
 * it is sent again.
 */
export class ReminderJob {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: { storage: Storage; messenger: Messenger; channels: Pick<ChannelReader, 'recentMessages'>; logger: Logger }) {}

  async tick(now: Date): Promise<number> {
    if (this.deps.messenger.openDm === undefined) return 0;
    let sent = 0;
    for (const { userId, time, timezone } of await this.deps.storage.students.reminders()) {
      if (!isDue(now, time, timezone)) continue;
      const date = localDate(now, timezone);
      const key = `${userId}:${date}`;
      if (this.inFlight.has(key) || (await this.deps.storage.students.reminderSend(userId, date)) !== undefined) continue;
      const due = await this.deps.storage.practice.dueCount(userId, now.getTime());
      if (!(await this.deps.storage.students.recordReminder(userId, date, due)) || due === 0) continue;
      this.inFlight.add(key);
      try {
        if (await this.send(userId, date, due)) sent++;
      } finally {
        this.inFlight.delete(key);
      }
    }
    return sent;
  }

  /** At start-up: settles reminders a crash left pending, checking the DM channel first. */
  async recover(now: Date): Promise<void> {
    if (this.deps.messenger.openDm === undefined) return;
    for (const pending of await this.deps.storage.students.pendingReminders()) {
      try {
        await this.settle(pending, now);
      } catch (error) {
        await this.deps.storage.students.markReminder(pending.userId, pending.localDate, 'failed');
        this.deps.logger.warn({ err: error, user: pending.userId, date: pending.localDate }, 'cannot settle a pending practice reminder');
      }
    }
  }

  private async settle(pending: ReminderSend, now: Date): Promise<void> {
    const { userId, localDate: date } = pending;
    if (pending.channelId !== null) {
      const recent = await this.deps.channels.recentMessages(pending.channelId, HISTORY_LIMIT, pending.createdAt - CLOCK_SKEW_MS);
      const sent = recent.find((m) => m.authorIsMe && m.footer === reminderMarker(date));
      if (sent !== undefined) {
        await this.deps.storage.students.markReminder(userId, date, 'sent', sent.id);
        return;
      }
    }
    const reminder = (await this.deps.storage.students.get(userId)).reminder;
    if (reminder === null || localDate(now, reminder.timezone) !== date) {
      // Turned off since, or an older day: never back-fill.
      await this.deps.storage.students.markReminder(userId, date, 'failed');
      return;
    }
    await this.send(userId, date, pending.dueCount);
  }

  private async send(userId: string, date: string, dueCount: number): Promise<boolean> {
    const { storage, messenger, logger } = this.deps;
    try {
      if (messenger.openDm === undefined) throw new Error('this messenger cannot send direct messages');
      const channelId = await messenger.openDm(userId);
      await storage.students.setReminderChannel(userId, date, channelId);
      const { messageId } = await messenger.send(channelId, reminderMessage(dueCount, date), { nonce: deliveryNonce('r', userId, date) });
      await storage.students.markReminder(userId, date, 'sent', messageId);
      logger.info({ user: userId, date, due: dueCount }, 'sent a practice reminder');
      return true;
    } catch (error) {
      // Marked failed either way, so nothing retries in a loop; closed DMs also turn reminders off.
      await storage.students.markReminder(userId, date, 'failed');
      if (codeOf(error) === CANNOT_DM_USER) {
        await storage.students.setReminder(userId, null, DMS_CLOSED_NOTICE);
        logger.info({ user: userId, date }, 'DMs closed: practice reminders turned off');
      } else {
        logger.warn({ err: error, user: userId, date }, 'could not send a practice reminder');
      }
      return false;
    }
  }
}
