import { COMMANDS, MESSAGE_COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../config.ts';
import { deployCommands } from '../discord/deploy.ts';
import { runCli } from './run-cli.ts';

/** `npm run deploy-commands`: registers the slash commands and prints what it registered. */
runCli(async () => {
  const { discord } = loadConfig();
  if (discord === null) {
    console.error('deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).');
    return 2;
  }
  const registered = await deployCommands([...COMMANDS, ...MESSAGE_COMMANDS], discord);
  const where = discord.guildId === null ? 'globally (may take up to an hour to appear)' : `to server ${discord.guildId}`;
  console.log(`Registered ${registered.length} commands ${where}:`);
  for (const command of registered)
    console.log(
      `  ${MESSAGE_COMMANDS.some((m) => m.data.name === command.name) ? `“${command.name}” (message command)` : `/${command.name}`}  (${command.id})`,
    );
  return 0;
});
