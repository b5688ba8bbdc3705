import { customIdSchema } from '../format/custom-ids/custom-id.ts';
import { errorReference, UserError } from '../interactions/errors.ts';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputInteraction,
  MessageCommandInteraction,
  ModalSubmitInteraction,
  ReplyPayload,
} from '../interactions/types.ts';
import type { CommandModule, ComponentModule, MessageCommandModule, Services } from './command.ts';
import { isStorageFault } from '../services/safely.ts';
import { fitButtonReplies, fitReplies } from './outgoing.ts';

type Repliable = ChatInputInteraction | ButtonInteraction | MessageCommandInteraction | ModalSubmitInteraction;

/**
 * Sends each interaction to its command module, inside one error boundary:
 * a UserError is shown to the user as is; anything else is logged with a
 * reference the user is given, and the bot keeps serving.
 */
export class InteractionRouter {
  private readonly byName: ReadonlyMap<string, CommandModule>;
  private readonly messageCommands: ReadonlyMap<string, MessageCommandModule>;
  /** Button and form handlers by custom-id prefix: each slash command's own, then the shared ones. */
  private readonly byPrefix: ReadonlyMap<string, Pick<ComponentModule, 'button' | 'modal'>>;
  private accepting = true;

  constructor(
    private readonly context: Services & {
      readonly commands: readonly CommandModule[];
      readonly messageCommands: readonly MessageCommandModule[];
      readonly components: readonly ComponentModule[];
    },
  ) {
    this.byName = new Map(context.commands.map((command) => [command.data.name, command]));
    this.messageCommands = new Map(context.messageCommands.map((command) => [command.data.name, command]));
    this.byPrefix = new Map<string, Pick<ComponentModule, 'button' | 'modal'>>([
      ...context.commands.map((command) => [command.data.name, { button: command.button?.bind(command) }] as const),
      ...context.components.map((component) => [component.prefix, component] as const),
    ]);
  }

  /** After this, new interactions get a polite "restarting" reply. */
  stopAccepting(): void {
    this.accepting = false;
  }

  async chatInput(received: ChatInputInteraction): Promise<void> {
    const interaction = fitReplies(received);
    const command = this.byName.get(interaction.commandName);
    await this.guard(interaction, interaction.commandName, async () => {
      if (command === undefined) throw new UserError('I don’t know that command anymore. Try `/help`.');
      await command.execute(interaction, this.context);
    });
  }

  async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      const command = this.byName.get(interaction.commandName);
      if (!this.accepting || command?.autocomplete === undefined) await interaction.respond([]);
      else await command.autocomplete(interaction, this.context);
    } catch (error) {
      // Autocomplete has no way to show an error; an empty list is the honest answer.
      this.context.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
      await interaction.respond([]).catch(() => undefined);
    }
  }

  async messageCommand(received: MessageCommandInteraction): Promise<void> {
    const interaction = fitReplies(received);
    const command = this.messageCommands.get(interaction.commandName);
    await this.guard(interaction, interaction.commandName, async () => {
      if (command === undefined) throw new UserError('I don’t know that command anymore. Try `/help`.');
      await command.execute(interaction, this.context);
    });
  }

  async button(received: ButtonInteraction): Promise<void> {
    const interaction = fitButtonReplies(received);
    const [name, parts, handler] = this.handlerFor(interaction.customId);
    await this.guard(interaction, name, async () => {
      if (handler?.button === undefined) throw new UserError('That button isn’t one I can use anymore. Try the command again.');
      await handler.button(interaction, parts, this.context);
    });
  }

  async modal(received: ModalSubmitInteraction): Promise<void> {
    const interaction = fitReplies(received);
    const [name, parts, handler] = this.handlerFor(interaction.customId);
    await this.guard(interaction, name, async () => {
      if (handler?.modal === undefined) throw new UserError('That form isn’t one I can use anymore. Try again from the message.');
      await handler.modal(interaction, parts, this.context);
    });
  }

  private handlerFor(customId: string): [string, string[], Pick<ComponentModule, 'button' | 'modal'> | undefined] {
    const parsed = customIdSchema.safeParse(customId);
    const [name, ...parts] = parsed.success ? parsed.data : [];
    return [name ?? 'component', parts, name === undefined ? undefined : this.byPrefix.get(name)];
  }

  private async guard(interaction: Repliable, command: string, run: () => Promise<void>): Promise<void> {
    if (!this.accepting) {
      await this.respond(interaction, { ephemeral: true, content: 'I’m restarting right now. Please try again in a minute.' });
      return;
    }
    try {
      await run();
    } catch (error) {
      if (error instanceof UserError) {
        await this.respond(interaction, error.reply);
        return;
      }
      if (isStorageFault(error)) {
        // Locked by another process, disk full, I/O error: say so now rather than wait on it.
        this.context.logger.warn({ err: error, command, user: interaction.user.id, guild: interaction.guildId }, 'interaction failed: database unavailable');
        await this.respond(interaction, {
          ephemeral: true,
          content: 'I can’t reach my database right now, so nothing was saved. Please try again in a moment.',
        });
        return;
      }
      const reference = errorReference();
      this.context.logger.error({ err: error, reference, command, user: interaction.user.id, guild: interaction.guildId }, 'interaction failed');
      await this.respond(interaction, {
        ephemeral: true,
        content: `Sorry, something went wrong on my side. If it keeps happening, tell an admin: reference **${reference}**.`,
      });
    }
    await this.owedNotice(interaction);
  }

  /** A notice the bot owes this student (reminders turned off because DMs are closed), shown once. */
  private async owedNotice(interaction: Repliable): Promise<void> {
    try {
      const notice = await this.context.study.takeNotice(interaction.user.id);
      if (notice !== null) await this.respond(interaction, { ephemeral: true, content: notice });
    } catch (error) {
      this.context.logger.warn({ err: error }, 'could not read an owed notice');
    }
  }

  /** Replies, or follows up when a reply was already sent; never throws. */
  private async respond(interaction: Repliable, payload: ReplyPayload): Promise<void> {
    try {
      if (interaction.replied) await interaction.followUp(payload);
      else await interaction.reply(payload);
    } catch (error) {
      this.context.logger.warn({ err: error }, 'could not send an error reply');
    }
  }
}
