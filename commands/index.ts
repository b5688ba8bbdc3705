import type { CommandModule } from '../src/bot/command.ts';
import { askCommand } from './ask.ts';
import { helpCommand } from './help.ts';
import { quizCommand } from './quiz.ts';
import { setupCommand } from './setup.ts';
import { termCommand } from './term.ts';

/** Every slash command the bot registers, in the order /help lists them. */
export const COMMANDS: readonly CommandModule[] = [askCommand, quizCommand, termCommand, helpCommand, setupCommand];
