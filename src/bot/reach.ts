import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { UserError } from '../interactions/errors.ts';
import type { InteractionBase } from '../interactions/types.ts';

/** Commands a student can install to their own account: in servers (with or without the bot), the bot's DM, DMs and group DMs. */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/** Commands that only a server's own install offers, inside that server. */
export const SERVER_ONLY = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};

/** What a student's own install offers wherever they are. */
const WHAT_WORKS_EVERYWHERE = '`/ask`, `/term`, `/quiz practice` and **Explain with Levels Tutor** (right-click a message → Apps)';

/** The server whose data an interaction may read and write: only one that added the bot. */
export function serverId(interaction: Pick<InteractionBase, 'guildId' | 'place'>): string | null {
  return interaction.place === 'server' ? interaction.guildId : null;
}

/**
 * Discord shows a user-installed app's replies to the student alone in a server that does not let
 * its members use external apps; such a reply is private whatever we ask, so we treat it as private.
 */
export function repliesForcedPrivate(interaction: Pick<InteractionBase, 'place' | 'can'>): boolean {
  return interaction.place === 'server-without-bot' && !interaction.can('UseExternalApps');
}

/** The server for a server feature (group quizzes, leaderboards, settings), or a kind word on where it works. */
export function requireServer(interaction: Pick<InteractionBase, 'guildId' | 'place'>, feature: string): string {
  const id = serverId(interaction);
  if (id !== null) return id;
  throw new UserError(
    interaction.place === 'server-without-bot'
      ? `${feature} is a server feature: it works once someone with Manage Server adds Levels Tutor to this server. With your own install you can use ${WHAT_WORKS_EVERYWHERE} here.`
      : `${feature} is a server feature: it works in a server that added Levels Tutor. Here you can use ${WHAT_WORKS_EVERYWHERE}.`,
  );
}
