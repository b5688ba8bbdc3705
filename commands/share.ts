import { defineComponent } from '../src/bot/command.ts';
import { repliesForcedPrivate } from '../src/bot/reach.ts';
import { shareButtonParts } from '../src/format/custom-ids/share-report.ts';
import { sharedCopy } from '../src/format/share-report.ts';
import { UserError } from '../src/interactions/errors.ts';

/** "Share in channel" on a private reply: a public copy of its embeds, marked as shared by the student, pinging nobody. */
export const shareComponent = defineComponent({
  needs: [],
  prefix: 'share',

  async button(interaction, parts) {
    if (!shareButtonParts.safeParse(parts).success) throw new UserError('That share button isn’t valid anymore.');
    if (interaction.messageEmbeds.length === 0) throw new UserError('There’s nothing here I can share.');
    if (repliesForcedPrivate(interaction)) {
      throw new UserError(
        'This server lets apps you installed answer only you, so I can’t post a public copy here. You can copy the text, or ask a server admin to add Levels Tutor.',
      );
    }
    // The copy is the interaction's own reply: it needs no channel access, so it works where the bot is no member.
    await interaction.reply(sharedCopy(interaction.messageEmbeds, interaction.user.displayName));
  },
});
