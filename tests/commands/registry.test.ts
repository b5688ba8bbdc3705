import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';

/** Discord's limits on a chat-input command (API docs, "Application Command Object"). */
const NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;
/** Names, descriptions and choice names and values together, per command. */
const MAX_TOTAL_CHARACTERS = 4000;

type Option = APIApplicationCommandOption;
const childrenOf = (option: Option): readonly Option[] =>
  option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup ? (option.options ?? []) : [];
const everyOption = (options: readonly Option[]): Option[] => options.flatMap((o) => [o, ...everyOption(childrenOf(o))]);
const choicesOf = (option: Option): ReadonlyArray<{ name: string; value: string | number }> => ('choices' in option ? (option.choices ?? []) : []);

describe.each(COMMANDS.map((command) => [command.data.name, command] as const))('/%s', (_name, command) => {
  const options = everyOption(command.data.options ?? []);

  test('its name and every option name fit Discord’s charset and length', () => {
    for (const name of [command.data.name, ...options.map((o) => o.name)]) expect(name).toMatch(NAME);
  });

  test('its description and every option description are 1 to 100 characters', () => {
    for (const description of [command.data.description, ...options.map((o) => o.description)]) {
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
  });

  test('each level has at most 25 options, with unique names', () => {
    for (const level of [command.data.options ?? [], ...options.map(childrenOf)]) {
      expect(level.length).toBeLessThanOrEqual(MAX_OPTIONS);
      expect(new Set(level.map((o) => o.name)).size).toBe(level.length);
    }
  });

  test('each option has at most 25 choices, each named within 100 characters', () => {
    for (const choices of options.map(choicesOf)) {
      expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(MAX_CHOICE_NAME);
    }
  });

  test('its text stays within Discord’s 4,000 characters per command', () => {
    const texts = [
      command.data.name,
      command.data.description,
      ...options.flatMap((o) => [o.name, o.description, ...choicesOf(o).flatMap((c) => [c.name, String(c.value)])]),
    ];
    expect(texts.join('').length).toBeLessThanOrEqual(MAX_TOTAL_CHARACTERS);
  });

  test('it has examples for /help', () => {
    expect(command.examples.length).toBeGreaterThan(0);
  });
});

test('the registry has unique command names, within Discord’s 100 global commands', () => {
  const names = COMMANDS.map((command) => command.data.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBeLessThanOrEqual(100);
});
