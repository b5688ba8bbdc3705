import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { askCommand } from '../../commands/ask.ts';
import { helpCommand } from '../../commands/help.ts';
import { setupCommand } from '../../commands/setup.ts';
import { parseCommandLine, type CommandData, type Directory, type OptionValue } from '../../src/console/parse.ts';

const CHANNEL = '100000000000000002';
const USER = '100000000000000003';
const ROLE = '100000000000000004';
const directory: Directory = { channels: [{ id: CHANNEL, name: 'study-channel' }], roles: [], users: [{ id: USER, name: 'you' }] };
const withRole: Directory = { ...directory, roles: [{ id: ROLE, name: 'students' }] };

// Made-up definitions exercise every option kind the parser reads from the JSON.
const drill: CommandData = {
  name: 'drill',
  description: 'test',
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'start',
      description: 'start',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'level',
          description: 'a level',
          choices: [
            { name: 'Micro', value: 'micro' },
            { name: 'Mezzo', value: 'mezzo' },
          ],
        },
        { type: ApplicationCommandOptionType.Integer, name: 'rounds', description: 'how many', min_value: 1, max_value: 10 },
        { type: ApplicationCommandOptionType.Number, name: 'weight', description: 'a number' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'stats',
      description: 'stats',
      options: [
        { type: ApplicationCommandOptionType.User, name: 'user', description: 'whose' },
        { type: ApplicationCommandOptionType.Role, name: 'role', description: 'which role' },
      ],
    },
  ],
};
const lookup: CommandData = {
  name: 'lookup',
  description: 'test',
  options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'a term', max_length: 30 }],
};
const COMMANDS = [askCommand.data, helpCommand.data, setupCommand.data, drill, lookup];

const text = (value: string): OptionValue => ({ kind: 'string', value });

describe('parseCommandLine: lines that become commands', () => {
  test.each<[string, string, string | null, string | null, Record<string, OptionValue>, Directory?]>([
    ['/ask what is macro practice', 'ask', null, null, { question: text('what is macro practice') }],
    ['/ask question: what is macro practice', 'ask', null, null, { question: text('what is macro practice') }],
    [
      '/ask question:what is macro practice private:true',
      'ask',
      null,
      null,
      { question: text('what is macro practice'), private: { kind: 'boolean', value: true } },
    ],
    ['/ask what is mezzo private: no', 'ask', null, null, { question: text('what is mezzo'), private: { kind: 'boolean', value: false } }],
    ['/ask   what is macro:  policy or people?  ', 'ask', null, null, { question: text('what is macro:  policy or people?') }],
    ['/ask see https://example.org/x please', 'ask', null, null, { question: text('see https://example.org/x please') }],
    ['/help', 'help', null, null, {}],
    ['/HELP', 'help', null, null, {}],
    ['/setup show', 'setup', null, 'show', {}],
    ['/setup study-channel add channel: #study-channel', 'setup', 'study-channel', 'add', { channel: { kind: 'channel', id: CHANNEL } }],
    [`/setup study-channel remove channel:<#${CHANNEL}>`, 'setup', 'study-channel', 'remove', { channel: { kind: 'channel', id: CHANNEL } }],
    [
      '/setup term set channel: study-channel time: 09:00 timezone: Europe/London',
      'setup',
      'term',
      'set',
      { channel: { kind: 'channel', id: CHANNEL }, time: text('09:00'), timezone: text('Europe/London') },
    ],
    ['/drill start', 'drill', null, 'start', {}],
    ['/drill start MEZZO rounds:3', 'drill', null, 'start', { level: text('mezzo'), rounds: { kind: 'integer', value: 3 } }],
    ['/drill start level: Micro', 'drill', null, 'start', { level: text('micro') }],
    ['/drill stats user: @you', 'drill', null, 'stats', { user: { kind: 'user', id: USER } }],
    [`/drill stats user:<@${USER}> role:@students`, 'drill', null, 'stats', { user: { kind: 'user', id: USER }, role: { kind: 'role', id: ROLE } }, withRole],
    ['/lookup', 'lookup', null, null, {}],
    ['/lookup person in environment', 'lookup', null, null, { name: text('person in environment') }],
  ])('%s', (line, commandName, subcommandGroup, subcommand, options, dir = directory) => {
    expect(parseCommandLine(line, COMMANDS, dir)).toEqual({ ok: true, invocation: { commandName, subcommandGroup, subcommand, options } });
  });
});

describe('parseCommandLine: one-line hints', () => {
  test.each<[string, RegExp]>([
    ['/nope', /^Unknown command \/nope\. Try \/ask, \/help, \/setup, \/drill, \/lookup or \/quit\.$/],
    ['/', /^Type a command after the \/: \/ask, .* or \/quit\.$/],
    ['ask what', /^Commands start with \/: \/ask/],
    ['/ask', /^\/ask needs question: \(Your question, in your own words\)\.$/],
    ['/ask private:true', /^\/ask needs question:/],
    ['/ask question:', /^question: needs a value\.$/],
    ['/ask foo:bar', /^Unknown option foo: for \/ask\. Its options: question: private:$/],
    ['/ask what is micro private:maybe', /^private: must be true or false\.$/],
    ['/ask question: a question: b', /^question: is given twice\.$/],
    [`/ask ${'x'.repeat(501)}`, /^question: is too long \(at most 500 characters\)\.$/],
    ['/help me', /^\/help takes no text or options\.$/],
    ['/help verbose:true', /^Unknown option verbose: for \/help\. \/help takes no options\.$/],
    ['/setup', /^\/setup needs one of: study-channel add, study-channel remove, term set, term off, show\.$/],
    ['/setup study-channel', /^\/setup study-channel needs one of: add, remove\.$/],
    ['/setup study-channel list', /^\/setup study-channel needs one of: add, remove\.$/],
    ['/setup reset', /^Unknown option "reset": \/setup needs one of:/],
    ['/setup study-channel add', /^\/setup study-channel add needs channel: \(A text channel\)\.$/],
    ['/setup term set', /^\/setup term set needs channel: \(Where to post\), time: \(.+\) and timezone: \(.+\)\.$/],
    ['/setup term set time: 09:00', /^\/setup term set needs channel: \(Where to post\) and timezone: \(.+\)\.$/],
    ['/setup study-channel add channel:#general', /^channel: must be a channel here: #study-channel\.$/],
    ['/setup show everything', /^\/setup show takes no text or options\.$/],
    ['/drill start rounds:five', /^rounds: must be a whole number from 1 to 10\.$/],
    ['/drill start rounds:11', /^rounds: must be a whole number from 1 to 10\.$/],
    ['/drill start rounds:2.5', /^rounds: must be a whole number from 1 to 10\.$/],
    ['/drill start level:nano', /^level: must be one of micro, mezzo\.$/],
    ['/drill start weight:2', /^weight: can't be given in the offline console\.$/],
    ['/drill start rounds:2 extra words', /^rounds: must be a whole number/],
    ['/drill stats user:@someone', /^user: must be a member here: @you\.$/],
    ['/drill stats role:@admins', /^role: names a role, and this offline server has none: leave it out\.$/],
    [`/lookup ${'x'.repeat(31)}`, /^name: is too long \(at most 30 characters\)\.$/],
  ])('%s', (line, hint) => {
    const result = parseCommandLine(line, COMMANDS, directory);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.hint).toMatch(hint);
      expect(result.hint).not.toContain('\n');
    }
  });
});
