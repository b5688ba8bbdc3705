import { z } from 'zod';
import { defineComponent, type Services } from '../src/bot/command.ts';
import { serverId } from '../src/bot/reach.ts';
import { REPORT_REASONS, type ItemRef } from '../src/domain/feedback.ts';
import { reportParts } from '../src/format/custom-ids/share-report.ts';
import { REASON_LABELS, reportModal, type ReportField } from '../src/format/share-report.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { ModalSubmitInteraction } from '../src/interactions/types.ts';

const comment = z.string().max(500);

/** The item must still exist: a report on something that is gone helps no curator. */
function knownItem({ knowledge }: Pick<Services, 'knowledge'>, item: ItemRef): ItemRef {
  const exists =
    item.kind === 'quiz'
      ? knowledge.knowledge.quiz.some((quiz) => quiz.id === item.id)
      : knowledge.engine.getDoc(item.kind === 'term' ? `term:${item.id}` : item.id) !== undefined;
  if (!exists) throw new UserError('That item isn’t in my knowledge base anymore, so there’s nothing left to report.');
  return item;
}

/** "Report a problem" on any answer, glossary card or quiz reveal: a short form, stored for curators. */
export const reportComponent = defineComponent({
  needs: ['knowledge', 'askFeedback'],
  prefix: 'report',

  async button(interaction, raw, services) {
    const parsed = reportParts.safeParse(raw);
    if (!parsed.success || parsed.data.step !== 'open') throw new UserError('That report button isn’t valid anymore.');
    const item = knownItem(services, parsed.data.item);
    await services.askFeedback.checkReportLimit(interaction.user.id);
    await interaction.showModal(reportModal(item));
  },

  async modal(interaction: ModalSubmitInteraction<ReportField>, raw, services) {
    const parsed = reportParts.safeParse(raw);
    if (!parsed.success || parsed.data.step !== 'send') throw new UserError('That form isn’t valid anymore.');
    const item = knownItem(services, parsed.data.item);
    const reason = REPORT_REASONS.find((r) => r === interaction.value('reason'));
    if (reason === undefined) throw new UserError(`Please pick what the problem is: ${Object.values(REASON_LABELS).join(', ')}.`);
    const text = comment.safeParse((interaction.value('comment') ?? '').trim());
    if (!text.success) throw new UserError('That comment is too long: 500 characters at most.');
    await services.askFeedback.report({
      kind: item.kind,
      itemId: item.id,
      reason,
      comment: text.data === '' ? null : text.data,
      userId: interaction.user.id,
      guildId: serverId(interaction),
    });
    await interaction.reply({ ephemeral: true, content: 'Thanks for the report. 🚩 The curators will look at it.' });
  },
});
