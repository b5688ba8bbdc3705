import { watch, type FSWatcher } from 'node:fs';
import { Cron } from 'croner';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { createContext, instanceName, type BotContext, type ContextOptions } from '../bot/context.ts';
import { InteractionRouter } from '../bot/router.ts';
import { safely } from '../services/safely.ts';
import { StartupError, type Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { toAutocomplete, toButton, toChatInput, toMessageCommand, toModalSubmit } from './adapter.ts';
import { DiscordMessenger } from './messenger.ts';
import { REGISTRY } from '../../commands/index.ts';

export interface RunningBot {
  readonly client: Client;
  readonly context: BotContext;
  stop(): Promise<void>;
}

/** Logs in with the minimum intent (Guilds) and serves interactions until stopped. */
export async function startDiscordBot(config: Config, logger: Logger, options: ContextOptions = {}): Promise<RunningBot> {
  const discord = config.discord;
  if (discord === null) throw new Error('startDiscordBot needs DISCORD_TOKEN');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.apiUrl },
    // Belt and braces: every payload also sets allowed_mentions itself.
    allowedMentions: { parse: [], repliedUser: false },
  });
  // Under the ShardingManager the client runs the shards it was given, not every one of this host's.
  const shards = Array.isArray(client.options.shards) ? client.options.shards : config.shardIds;
  const context = await createContext(config, logger, new DiscordMessenger(client), REGISTRY, {
    ownsGuild: (guildId) => client.guilds.cache.has(guildId),
    instance: instanceName(shards),
    ...options,
  });
  const router = new InteractionRouter(context);
  // Reminders are DMs, not tied to a guild: under sharding only shard 0 sends them.
  const sendsReminders = client.shard === null || client.shard.ids.includes(0);

  const dispatch = async (interaction: Interaction): Promise<void> => {
    if (interaction.isChatInputCommand()) return router.chatInput(toChatInput(interaction));
    if (interaction.isButton()) return router.button(toButton(interaction));
    if (interaction.isMessageContextMenuCommand()) return router.messageCommand(toMessageCommand(interaction));
    if (interaction.isModalSubmit()) return router.modal(toModalSubmit(interaction));
    if (interaction.isAutocomplete()) {
      const adapted = toAutocomplete(interaction);
      if (adapted !== null) return router.autocomplete(adapted);
      logger.warn({ interaction: interaction.id, command: interaction.commandName }, 'autocomplete without a focused option; answering with no choices');
      await interaction.respond([]);
    }
  };
  client.on(Events.InteractionCreate, (interaction: Interaction) =>
    safely(logger, 'interaction dispatch', { interaction: interaction.id, guild: interaction.guildId, user: interaction.user.id }, () => dispatch(interaction)),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'gateway shard error'));
  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, (readyClient) =>
      safely(logger, 'start-up recovery', {}, async () => {
        try {
          logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'logged in to Discord');
          // Only this shard's guilds: under sharding, each process resumes its own quizzes.
          const resumed = await context.quizzes.recoverInterrupted((guildId) => readyClient.guilds.cache.has(guildId));
          if (resumed > 0) logger.info({ resumed }, 'resumed quizzes interrupted by a restart');
          await context.termJob.recover(new Date(context.now()));
          if (sendsReminders) await context.reminders.recover(new Date(context.now()));
        } finally {
          resolve();
        }
      }),
    );
  });

  const reload = () => safely(logger, 'knowledge reload', { dir: config.knowledgeDir }, () => context.knowledge.reload());
  process.on('SIGHUP', reload);
  let watcher: FSWatcher | undefined;
  if (config.knowledgeWatch) {
    let timer: NodeJS.Timeout | undefined;
    // Editors write files in bursts; reload once things settle.
    watcher = watch(config.knowledgeDir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 300);
    });
    // The folder can vanish or become unreadable: log it, keep serving.
    watcher.on('error', (error) => logger.error({ err: error, dir: config.knowledgeDir }, 'knowledge watcher failed'));
  }

  try {
    await client.login(discord.token);
  } catch (error) {
    await context.storage.close();
    throw new StartupError(
      `Logging in to Discord at ${discord.apiUrl} failed (${error instanceof Error ? error.message : String(error)}): check DISCORD_TOKEN (and DISCORD_API_URL).`,
    );
  }
  await ready;
  // Every minute, on the minute; `protect` skips a tick while the previous one still runs.
  const termTicks = new Cron(
    '* * * * *',
    { protect: true, catch: (error: unknown) => logger.error({ err: error }, 'term of the day tick failed') },
    async () => {
      await context.termJob.tick(new Date(context.now()));
      if (sendsReminders) await context.reminders.tick(new Date(context.now()));
    },
  );
  safely(logger, 'term of the day tick', {}, () => context.termJob.tick(new Date(context.now())));
  if (sendsReminders) safely(logger, 'practice reminders tick', {}, () => context.reminders.tick(new Date(context.now())));

  return {
    client,
    context,
    async stop() {
      router.stopAccepting();
      termTicks.stop();
      process.off('SIGHUP', reload);
      watcher?.close();
      await context.quizzes.shutdown();
      await client.destroy();
      await context.storage.close();
      logger.info('stopped');
    },
  };
}
