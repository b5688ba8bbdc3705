import type { CommandModule, CommandRegistry, ComponentModule, MessageCommandModule } from '../src/bot/command.ts';
import { askCommand } from './ask.ts';
import { explainCommand } from './explain.ts';
import { helpCommand } from './help.ts';
import { kbCommand } from './kb.ts';
import { quizCommand } from './quiz.ts';
import { reportComponent } from './report.ts';
import { setupCommand } from './setup.ts';
import { shareComponent } from './share.ts';
import { termCommand } from './term.ts';

/** Every slash command the bot registers, in the order /help lists them. */
export const COMMANDS: readonly CommandModule[] = [askCommand, quizCommand, termCommand, helpCommand, setupCommand, kbCommand];

/** Every message context-menu command the bot registers. */
export const MESSAGE_COMMANDS: readonly MessageCommandModule[] = [explainCommand];

/** Buttons and forms shared by many replies. */
export const COMPONENTS: readonly ComponentModule[] = [shareComponent, reportComponent];

/** Everything above, as the bot's context takes it. */
export const REGISTRY: CommandRegistry = { commands: COMMANDS, messageCommands: MESSAGE_COMMANDS, components: COMPONENTS };
