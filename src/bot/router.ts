import { customIdSchema } from '../format/custom-ids/custom-id.ts';
import { errorReference, UserError } from '../interactions/errors.ts';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputInteraction, ReplyPayload } from '../interactions/types.ts';
import type { BotContext, CommandModule } from './command.ts';
import { isStorageFault } from './safely.ts';

type Repliable = ChatInputInteraction | ButtonInteraction;

/**
 * Sends each interaction to its command module, inside one error boundary:
 * a UserError is shown to the user as is; anything else is logged with a
 * reference the user is given, and the bot keeps serving.
 */
export class InteractionRouter {
  private readonly byName: ReadonlyMap<string, CommandModule>;
  private accepting = true;

  constructor(private readonly context: BotContext) {
    this.byName = new Map(context.commands.map((command) => [command.data.name, command]));
  }

  /** After this, new interactions get a polite "restarting" reply. */
  stopAccepting(): void {
    this.accepting = false;
  }

  async chatInput(interaction: ChatInputInteraction): Promise<void> {
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

  async button(interaction: ButtonInteraction): Promise<void> {
    const parsed = customIdSchema.safeParse(interaction.customId);
    const [name, ...parts] = parsed.success ? parsed.data : [];
    const command = name === undefined ? undefined : this.byName.get(name);
    await this.guard(interaction, name ?? 'button', async () => {
      if (command?.button === undefined) throw new UserError('That button isn’t one I can use anymore. Try the command again.');
      await command.button(interaction, parts, this.context);
    });
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
        await this.respond(interaction, { ephemeral: true, content: error.message });
        return;
      }
      if (isStorageFault(error)) {
        // Locked by another process, disk full, I/O error: say so now rather than wait on it.
        this.context.logger.warn({ err: error, command, user: interaction.user.id, guild: interaction.guildId }, 'interaction failed: database unavailable');
        await this.respond(interaction, { ephemeral: true, content: 'I can’t reach my database right now, so nothing was saved. Please try again in a moment.' });
        return;
      }
      const reference = errorReference();
      this.context.logger.error({ err: error, reference, command, user: interaction.user.id, guild: interaction.guildId }, 'interaction failed');
      await this.respond(interaction, { ephemeral: true, content: `Sorry, something went wrong on my side. If it keeps happening, tell an admin: reference **${reference}**.` });
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
