import { REST } from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import type { CommandModule, MessageCommandModule } from '../bot/command.ts';

/** Registers every command, slash and message commands alike: to one server when guildId is set (instant), otherwise globally. */
export async function deployCommands(
  commands: ReadonlyArray<CommandModule | MessageCommandModule>,
  discord: { token: string; applicationId: string; guildId: string | null; apiUrl: string },
): Promise<Array<{ name: string; id: string }>> {
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  const route =
    discord.guildId === null ? Routes.applicationCommands(discord.applicationId) : Routes.applicationGuildCommands(discord.applicationId, discord.guildId);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data) })) as Array<{ name: string; id: string }>;
  return registered.map(({ name, id }) => ({ name, id }));
}
