import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

export type OptionValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'channel' | 'role' | 'user'; readonly id: string };

/** A typed line resolved against the command definitions, as Discord would deliver it. */
export interface Invocation {
  readonly commandName: string;
  readonly subcommandGroup: string | null;
  readonly subcommand: string | null;
  readonly options: Readonly<Record<string, OptionValue>>;
}

export interface Entity {
  readonly id: string;
  readonly name: string;
}

/** The channels, roles and members a typed option may name. */
export interface Directory {
  readonly channels: readonly Entity[];
  readonly roles: readonly Entity[];
  readonly users: readonly Entity[];
}

export type ParseResult = { readonly ok: true; readonly invocation: Invocation } | { readonly ok: false; readonly hint: string };

type BasicOption = APIApplicationCommandBasicOption;

const fail = (hint: string): ParseResult => ({ ok: false, hint });

/** `name:` where an option may start; `https://` is not one. */
const OPTION_MARKER = /(^|\s)([a-z][a-z0-9_-]*):(?!\/\/)/g;

function firstWord(text: string): [string, string] {
  const match = /^\s*(\S*)\s*([\s\S]*)$/.exec(text);
  return [match?.[1]?.toLowerCase() ?? '', match?.[2] ?? ''];
}

interface Route {
  readonly group: string | null;
  readonly subcommand: string | null;
  readonly options: readonly BasicOption[];
  readonly rest: string;
}

/** Consumes the subcommand group and subcommand words, when the command has them. */
function route(command: CommandData, args: string): Route | string {
  const all = command.options ?? [];
  const branches: Array<{ words: string[]; sub: APIApplicationCommandSubcommandOption }> = [];
  for (const option of all) {
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      for (const sub of option.options ?? []) branches.push({ words: [option.name, sub.name], sub });
    } else if (option.type === ApplicationCommandOptionType.Subcommand) branches.push({ words: [option.name], sub: option });
  }
  if (branches.length === 0) return { group: null, subcommand: null, options: all as BasicOption[], rest: args };

  const [first, afterFirst] = firstWord(args);
  const [second, afterSecond] = firstWord(afterFirst);
  const single = branches.find((b) => b.words.length === 1 && b.words[0] === first);
  if (single !== undefined) return { group: null, subcommand: first, options: single.sub.options ?? [], rest: afterFirst };
  const grouped = branches.find((b) => b.words[0] === first && b.words[1] === second);
  if (grouped !== undefined) return { group: first, subcommand: second, options: grouped.sub.options ?? [], rest: afterSecond };

  const inGroup = branches.filter((b) => b.words.length === 2 && b.words[0] === first).map((b) => b.words[1]);
  if (inGroup.length > 0) return `/${command.name} ${first} needs one of: ${inGroup.join(', ')}.`;
  const usage = `/${command.name} needs one of: ${branches.map((b) => b.words.join(' ')).join(', ')}.`;
  return first === '' ? usage : `Unknown option "${first}": ${usage}`;
}

/** The option free text fills: the first required string option, or the only string option. */
function freeTextOption(options: readonly BasicOption[]): BasicOption | undefined {
  const strings = options.filter((o) => o.type === ApplicationCommandOptionType.String);
  return strings.find((o) => o.required) ?? (strings.length === 1 ? strings[0] : undefined);
}

function resolveEntity(raw: string, entities: readonly Entity[], sigil: '#' | '@'): Entity | undefined {
  const mention = /^<[#@][!&]?(\d+)>$/.exec(raw);
  const typed = (mention?.[1] ?? raw).replace(sigil === '#' ? /^#/ : /^@/, '').toLowerCase();
  return entities.find((e) => e.id === typed || e.name.toLowerCase() === typed);
}

function entityList(entities: readonly Entity[], sigil: string): string {
  return entities.map((e) => `${sigil}${e.name}`).join(', ');
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** Turns what was typed for one option into its value, or says in one line what it accepts. */
function convert(option: BasicOption, raw: string, directory: Directory): OptionValue | string {
  const name = `${option.name}:`;
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      if (option.choices !== undefined && option.choices.length > 0) {
        const choice = option.choices.find((c) => c.value.toLowerCase() === raw.toLowerCase() || c.name.toLowerCase() === raw.toLowerCase());
        return choice === undefined ? `${name} must be one of ${option.choices.map((c) => c.value).join(', ')}.` : { kind: 'string', value: choice.value };
      }
      const length = Array.from(raw).length;
      if (option.max_length !== undefined && length > option.max_length) return `${name} is too long (at most ${option.max_length} characters).`;
      if (option.min_length !== undefined && length < option.min_length) return `${name} is too short (at least ${option.min_length} characters).`;
      return { kind: 'string', value: raw };
    }
    case ApplicationCommandOptionType.Integer: {
      const min = option.min_value ?? Number.MIN_SAFE_INTEGER;
      const max = option.max_value ?? Number.MAX_SAFE_INTEGER;
      const range = option.min_value !== undefined && option.max_value !== undefined ? ` from ${min} to ${max}` : '';
      const value = /^[+-]?\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isNaN(value) || value < min || value > max) return `${name} must be a whole number${range}.`;
      if (option.choices !== undefined && option.choices.length > 0 && !option.choices.some((c) => c.value === value)) {
        return `${name} must be one of ${option.choices.map((c) => c.value).join(', ')}.`;
      }
      return { kind: 'integer', value };
    }
    case ApplicationCommandOptionType.Boolean: {
      const word = raw.toLowerCase();
      if (TRUE_WORDS.has(word)) return { kind: 'boolean', value: true };
      if (FALSE_WORDS.has(word)) return { kind: 'boolean', value: false };
      return `${name} must be true or false.`;
    }
    case ApplicationCommandOptionType.Channel: {
      const channel = resolveEntity(raw, directory.channels, '#');
      return channel === undefined ? `${name} must be a channel here: ${entityList(directory.channels, '#')}.` : { kind: 'channel', id: channel.id };
    }
    case ApplicationCommandOptionType.Role: {
      const role = resolveEntity(raw, directory.roles, '@');
      if (role !== undefined) return { kind: 'role', id: role.id };
      return directory.roles.length === 0
        ? `${name} names a role, and this offline server has none: leave it out.`
        : `${name} must be a role here: ${entityList(directory.roles, '@')}.`;
    }
    case ApplicationCommandOptionType.User: {
      const user = resolveEntity(raw, directory.users, '@');
      return user === undefined ? `${name} must be a member here: ${entityList(directory.users, '@')}.` : { kind: 'user', id: user.id };
    }
    default:
      return `${name} can't be given in the offline console.`;
  }
}

/**
 * Parses a typed line like `/ask what is macro practice` or
 * `/setup term set channel: #study-channel time: 09:00 timezone: Europe/London`
 * against the commands' own JSON definitions. Options are typed `name:value` (a space
 * after the colon is fine); free text before any option fills the command's main string
 * option. Anything wrong comes back as a one-line hint.
 */
export function parseCommandLine(line: string, commands: readonly CommandData[], directory: Directory): ParseResult {
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(line.trim());
  const names = `${commands.map((c) => `/${c.name}`).join(', ')} or /quit`;
  if (match === null) return fail(`Commands start with /: ${names}.`);
  const commandName = (match[1] ?? '').toLowerCase();
  const command = commands.find((c) => c.name === commandName);
  if (command === undefined) return fail(commandName === '' ? `Type a command after the /: ${names}.` : `Unknown command /${commandName}. Try ${names}.`);

  const routed = route(command, match[2] ?? '');
  if (typeof routed === 'string') return fail(routed);
  const { options, rest } = routed;
  const path = [`/${command.name}`, routed.group, routed.subcommand].filter((part) => part !== null).join(' ');
  const optionList = options.map((o) => `${o.name}:`).join(' ');
  const optionHint = options.length === 0 ? `${path} takes no options.` : `Its options: ${optionList}`;

  const raw = new Map<string, string>();
  let current: { option: BasicOption | undefined; explicit: boolean; from: number } = { option: freeTextOption(options), explicit: false, from: 0 };
  const close = (end: number): string | null => {
    const text = rest.slice(current.from, end).trim();
    if (current.option === undefined)
      return text === '' ? null : options.length === 0 ? `${path} takes no text or options.` : `Type options as name:value (${optionList}).`;
    if (text === '') return current.explicit ? `${current.option.name}: needs a value.` : null;
    if (raw.has(current.option.name)) return `${current.option.name}: is given twice.`;
    raw.set(current.option.name, text);
    return null;
  };
  for (const marker of rest.matchAll(OPTION_MARKER)) {
    const name = marker[2] ?? '';
    const option = options.find((o) => o.name === name);
    // Inside a string value "word:" is just text ("what is macro: policy"); elsewhere it must be a known option.
    const inText = current.option?.type === ApplicationCommandOptionType.String && rest.slice(current.from, marker.index).trim() !== '';
    if (option === undefined) {
      if (inText) continue;
      return fail(`Unknown option ${name}: for ${path}. ${optionHint}`);
    }
    const problem = close(marker.index);
    if (problem !== null) return fail(problem);
    current = { option, explicit: true, from: marker.index + marker[0].length };
  }
  const problem = close(rest.length);
  if (problem !== null) return fail(problem);

  // Every missing option in one hint, so they can all be fixed at once.
  const missing = options.filter((o) => o.required && !raw.has(o.name)).map((o) => `${o.name}: (${o.description})`);
  if (missing.length > 0) return fail(`${path} needs ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`}.`);
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    const typed = raw.get(option.name);
    if (typed === undefined) continue;
    const value = convert(option, typed, directory);
    if (typeof value === 'string') return fail(value);
    values[option.name] = value;
  }
  return { ok: true, invocation: { commandName: command.name, subcommandGroup: routed.group, subcommand: routed.subcommand, options: values } };
}

/**
 * A plain line as the text of a command's free-text option (`/ask`'s question), taken
 * whole: what a student types is never read as options.
 */
export function freeTextInvocation(commandName: string, text: string, commands: readonly CommandData[], directory: Directory): ParseResult {
  const command = commands.find((c) => c.name === commandName);
  const routed = command === undefined ? undefined : route(command, '');
  const option = routed === undefined || typeof routed === 'string' ? undefined : freeTextOption(routed.options);
  if (option === undefined) return fail(`/${commandName} takes no text.`);
  const value = convert(option, text.trim(), directory);
  if (typeof value === 'string') return fail(value);
  return { ok: true, invocation: { commandName, subcommandGroup: null, subcommand: null, options: { [option.name]: value } } };
}
