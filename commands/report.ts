import { z } from 'zod';
import type { BotContext, ComponentModule } from '../src/bot/command.ts';
import { serverId } from '../src/bot/reach.ts';
import { KIND_OF_LETTER, REASON_LABELS, reportModal, type ItemRef } from '../src/format/share-report.ts';
import { UserError } from '../src/interactions/errors.ts';
import { REPORT_REASONS } from '../src/storage/item-report-repo.ts';

/** At most this many reports per student per window: enough for honest use, too few to flood curators. */
export const REPORT_LIMIT = { reports: 5, windowMs: 10 * 60_000 } as const;

const itemId = z.string().regex(/^[a-z0-9-]{1,60}$/);
const parts = z.tuple([z.enum(['open', 'send']), z.enum(['e', 't', 'q']), itemId]);
const comment = z.string().max(500);

/** The item must still exist: a report on something that is gone helps no curator. */
function knownItem(context: BotContext, letter: 'e' | 't' | 'q', id: string): ItemRef {
  const kind = KIND_OF_LETTER.get(letter) ?? 'entry';
  const exists =
    kind === 'quiz' ? context.knowledge.knowledge.quiz.some((item) => item.id === id) : context.knowledge.engine.getDoc(kind === 'term' ? `term:${id}` : id) !== undefined;
  if (!exists) throw new UserError('That item isn’t in my knowledge base anymore, so there’s nothing left to report.');
  return { kind, id };
}

function rateLimited(context: BotContext, userId: string): boolean {
  return context.storage.itemReports.countBy(userId, context.now() - REPORT_LIMIT.windowMs) >= REPORT_LIMIT.reports;
}

const TOO_MANY = 'Thanks, you’ve sent several reports just now. Please wait a few minutes before sending more.';

/** "Report a problem" on any answer, glossary card or quiz reveal: a short form, stored for curators. */
export const reportComponent: ComponentModule = {
  prefix: 'report',

  async button(interaction, raw, context) {
    const parsed = parts.safeParse(raw);
    if (!parsed.success || parsed.data[0] !== 'open') throw new UserError('That report button isn’t valid anymore.');
    const item = knownItem(context, parsed.data[1], parsed.data[2]);
    if (rateLimited(context, interaction.user.id)) throw new UserError(TOO_MANY);
    await interaction.showModal(reportModal(item));
  },

  async modal(interaction, raw, context) {
    const parsed = parts.safeParse(raw);
    if (!parsed.success || parsed.data[0] !== 'send') throw new UserError('That form isn’t valid anymore.');
    const item = knownItem(context, parsed.data[1], parsed.data[2]);
    const reason = REPORT_REASONS.find((r) => r === interaction.value('reason'));
    if (reason === undefined) throw new UserError(`Please pick what the problem is: ${Object.values(REASON_LABELS).join(', ')}.`);
    const text = comment.safeParse((interaction.value('comment') ?? '').trim());
    if (!text.success) throw new UserError('That comment is too long: 500 characters at most.');
    if (rateLimited(context, interaction.user.id)) throw new UserError(TOO_MANY);
    context.storage.itemReports.add({ kind: item.kind, itemId: item.id, reason, comment: text.data === '' ? null : text.data, userId: interaction.user.id, guildId: serverId(interaction) });
    await interaction.reply({ ephemeral: true, content: 'Thanks for the report. 🚩 The curators will look at it.' });
  },
};
