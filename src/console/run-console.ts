import path from 'node:path';
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { BotContext } from '../bot/context.ts';
import { createContext } from '../bot/context.ts';
import { InteractionRouter } from '../bot/router.ts';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { saveAttachments } from './attachments.ts';
import { ButtonBoard } from './buttons.ts';
import type { ModalPayload } from '../interactions/types.ts';
import {
  ConsoleMessenger,
  consoleButton,
  consoleChatInput,
  consoleMessageCommand,
  consoleModalSubmit,
  DIRECTORY,
  formCommand,
  NAMES,
  OFFLINE_GUILD,
  OfflineChannel,
  STUDY_CHANNEL,
  TYPED_MESSAGE_COMMANDS,
  type ShownMessage,
} from './console-interactions.ts';
import { freeTextInvocation, parseCommandLine } from './parse.ts';
import { renderMessage } from './render.ts';
import { REGISTRY } from '../../commands/index.ts';

export interface ConsoleIo {
  /** Typed or piped lines. */
  readonly input: NodeJS.ReadableStream;
  /** The terminal to draw the prompt on, or null when the input is a script. */
  readonly terminal: NodeJS.WritableStream | null;
  /** The console's own output. */
  readonly write: (text: string) => void;
  /** Log lines. */
  readonly writeLog: (text: string) => void;
}

const PROMPT = 'you> ';
const LOG_LABELS: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A pino JSON line as one readable line: level, message, the error's message (never its stack), simple fields. */
export function logLine(json: string): string {
  try {
    const { level, time: _time, msg, err, ...fields } = JSON.parse(json) as Record<string, unknown>;
    const error = typeof err === 'object' && err !== null && 'message' in err ? `: ${String(err.message)}` : '';
    const details = Object.entries(fields)
      .filter(([, value]) => typeof value !== 'object')
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    const line = `[${LOG_LABELS[Number(level)] ?? 'log'}] ${String(msg ?? '')}${error}${details === '' ? '' : ` (${details})`}`;
    return `${line.replace(/\s+/g, ' ').trim()}\n`;
  } catch {
    return `${json.replace(/\s+/g, ' ').trim()}\n`;
  }
}

function banner(context: BotContext): string {
  const commands = [
    ...context.commands.map((command) => `/${command.data.name}`),
    ...[...TYPED_MESSAGE_COMMANDS.keys()].map((name) => `/${name} text: …`),
  ].join(', ');
  return [
    `Levels Tutor, offline: DISCORD_TOKEN is not set, so this console is #${STUDY_CHANNEL.name}, a study channel of the "${OFFLINE_GUILD.name}" server, and you are its admin.`,
    `Commands: ${commands}, /quit. Press a button by typing its number or its exact label; buttons lists what can be pressed; any other line is asked as a question. Try: /ask what is macro practice`,
    'To run on Discord: set DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env (see .env.example), run npm run deploy-commands once, then npm start.',
  ].join('\n');
}

/**
 * The offline console: the bot's own router, commands, engines and database, driven from
 * a terminal (with a prompt) or a script (line by line). Resolves with the exit code on
 * /quit or end of input; a script first lets a running quiz finish.
 */
export async function runConsole(config: Config, io: ConsoleIo): Promise<number> {
  const logger = createLogger(config.logLevel, [], { write: (json: string) => io.writeLog(logLine(json)) });
  const { terminal } = io;
  const interactive = terminal !== null;
  let busy = true;
  let closed = false;
  const print = (text: string) => {
    // A quiz round arriving while the prompt waits: print above it, then draw the prompt again.
    const redraw = terminal !== null && !busy && !closed;
    if (redraw) {
      clearLine(terminal, 0);
      cursorTo(terminal, 0);
    }
    io.write(`${text}\n`);
    if (redraw) lines.prompt(true);
  };
  const hint = (text: string) => print(`hint: ${text}\n`);

  const board = new ButtonBoard();
  // Charts and other attachments are saved beside the database, where a file viewer opens them.
  const attachmentDir = path.join(path.dirname(config.databasePath), 'console-attachments');
  const channel = new OfflineChannel((message: ShownMessage) => {
    const savedFiles = saveAttachments(attachmentDir, message.messageId, message.payload.files ?? []);
    const rendered = renderMessage(message.payload, { ephemeral: message.ephemeral, edited: message.edited }, { names: NAMES, now: context.now(), savedFiles });
    board.shown(message.messageId, rendered.buttons, message.edited);
    print(`${rendered.text}\n`);
  });
  // One person at a keyboard: the anti-spam cooldown of a busy server has no point here.
  const context = await createContext({ ...config, askCooldownSeconds: 0 }, logger, new ConsoleMessenger(channel), REGISTRY);
  const router = new InteractionRouter(context);
  const commands = [...context.commands.map((command) => command.data), ...[...TYPED_MESSAGE_COMMANDS.values()].map((typed) => typed.data)];
  // A form a button opened (Report a problem): the next plain line fills it in.
  let openForm: ModalPayload | null = null;
  const showForm = (modal: ModalPayload) => {
    openForm = modal;
    const fields = modal.fields.map((field) =>
      field.kind === 'select' ? `  ${field.id}: ${field.label} ${field.options.map((o) => o.value).join(' | ')}` : `  ${field.id}: ${field.label}`,
    );
    print(
      `[form] ${modal.title}\n${fields.join('\n')}\nFill it in on one line, e.g. ${modal.fields.map((f) => `${f.id}: …`).join(' ')} (a command instead cancels it)\n`,
    );
  };
  // Opened once the context stands, so that a start-up error (bad knowledge) can't leave stdin held.
  const lines = createInterface({ input: io.input, output: terminal ?? undefined, terminal: interactive, prompt: PROMPT });
  lines.on('close', () => (closed = true));
  // Ctrl+C at the prompt leaves, like /quit.
  lines.on('SIGINT', () => lines.close());

  // A failing timer (a quiz round) must not end the console with a stack trace.
  const unexpected = (error: unknown) => logger.error({ err: error }, 'unexpected error');
  process.on('unhandledRejection', unexpected);
  process.on('uncaughtException', unexpected);

  const handle = async (line: string): Promise<'quit' | 'continue'> => {
    const text = line.trim();
    if (text === '') {
      hint('Type a command, like /ask what is macro practice, or a button’s number. /help lists the commands, /quit leaves.');
      return 'continue';
    }
    if (text.split(/\s/, 1)[0]?.toLowerCase() === '/quit') return 'quit';
    if (openForm !== null && !text.startsWith('/')) {
      const form = openForm;
      const parsed = parseCommandLine(`/form ${text}`, [formCommand(form)], DIRECTORY);
      if (!parsed.ok) {
        hint(parsed.hint);
        return 'continue';
      }
      openForm = null;
      const values = new Map(Object.entries(parsed.invocation.options).map(([id, value]) => [id, value.kind === 'string' ? value.value : '']));
      await router.modal(consoleModalSubmit(channel, form.customId, values));
      return 'continue';
    }
    openForm = null;
    if (text.startsWith('/')) {
      const parsed = parseCommandLine(text, commands, DIRECTORY);
      if (!parsed.ok) {
        hint(parsed.hint);
        return 'continue';
      }
      board.consume();
      const typed = TYPED_MESSAGE_COMMANDS.get(parsed.invocation.commandName);
      const target = parsed.invocation.options.text;
      if (typed !== undefined) await router.messageCommand(consoleMessageCommand(channel, typed.commandName, target?.kind === 'string' ? target.value : ''));
      else await router.chatInput(consoleChatInput(channel, parsed.invocation));
      return 'continue';
    }
    if (text.toLowerCase() === 'buttons') {
      print(`${board.describe()}\n`);
      return 'continue';
    }
    const pick = board.pick(text);
    if (!pick.ok) {
      if (!pick.notButton) {
        hint(`${pick.reason} Commands start with /; /help lists them; buttons lists what can be pressed.`);
        return 'continue';
      }
      // Neither a number nor a label: a question, answered as /ask would.
      const asked = freeTextInvocation('ask', text, commands, DIRECTORY);
      if (!asked.ok) {
        hint(asked.hint);
        return 'continue';
      }
      board.consume();
      await router.chatInput(consoleChatInput(channel, asked.invocation));
      return 'continue';
    }
    board.consume();
    await router.button(consoleButton(channel, pick.customId, pick.messageId, showForm));
    return 'continue';
  };

  try {
    await context.storage.settings.addStudyChannel(OFFLINE_GUILD.id, STUDY_CHANNEL.id);
    print(`${banner(context)}\n`);
    await context.quizzes.recoverInterrupted((guildId) => guildId === OFFLINE_GUILD.id);
    if (interactive) lines.prompt();
    busy = false;
    for await (const line of lines) {
      busy = true;
      if (!interactive) {
        // A script types its answers ahead: during a quiz, each waits for the next question's buttons.
        const typed = line.trim();
        const press = typed !== '' && !typed.startsWith('/') && typed.toLowerCase() !== 'buttons';
        if (press && !board.fresh && context.quizzes.runningCount > 0) await Promise.race([board.untilFresh(), context.quizzes.whenIdle()]);
        // Echoed so that a script's transcript reads like a session.
        print(`${PROMPT}${line}`);
      }
      const next = await handle(line).catch((error: unknown) => {
        logger.error({ err: error }, 'console command failed');
        return 'continue' as const;
      });
      if (next === 'quit') break;
      if (interactive) lines.prompt();
      busy = false;
    }
    busy = true;
    if (!interactive && context.quizzes.runningCount > 0) {
      print('(waiting for the quiz to finish…)\n');
      await context.quizzes.whenIdle();
    }
    router.stopAccepting();
    // Leaving mid-quiz: it ends with a note, and every answer given stays saved.
    await context.quizzes.shutdown();
    return 0;
  } finally {
    if (!closed) lines.close();
    await context.storage.close();
    process.off('unhandledRejection', unexpected);
    process.off('uncaughtException', unexpected);
  }
}
