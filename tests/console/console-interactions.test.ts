import { describe, expect, test } from 'vitest';
import { KEPT_MESSAGES } from '../../src/console/buttons.ts';
import {
  CONSOLE_USER,
  ConsoleMessenger,
  DIRECTORY,
  consoleButton,
  consoleChatInput,
  OFFLINE_GUILD,
  OfflineChannel,
  STUDY_CHANNEL,
  type ShownMessage,
} from '../../src/console/console-interactions.ts';
import { button, rows } from '../../src/format/components.ts';

function setup() {
  const shown: ShownMessage[] = [];
  const channel = new OfflineChannel((message) => shown.push(message));
  return { shown, channel, messenger: new ConsoleMessenger(channel) };
}

const invocation = {
  commandName: 'quiz',
  subcommandGroup: null,
  subcommand: 'start',
  options: { level: { kind: 'string', value: 'micro' }, questions: { kind: 'integer', value: 5 } },
} as const;

describe('console interactions follow Discord’s reply rules', () => {
  test('a slash command: the member, guild and channel of the console, its options, one reply then follow-ups', async () => {
    const { shown, channel } = setup();
    const interaction = consoleChatInput(channel, invocation);
    expect(interaction).toMatchObject({ user: CONSOLE_USER, guildId: OFFLINE_GUILD.id, channelId: STUDY_CHANNEL.id, subcommand: 'start', replied: false });
    expect([interaction.string('level'), interaction.integer('questions'), interaction.integer('level'), interaction.boolean('private')]).toEqual([
      'micro',
      5,
      null,
      null,
    ]);
    expect(interaction.can('ManageGuild')).toBe(true);
    await expect(interaction.followUp({ content: 'too early' })).rejects.toThrow(/not been sent/);
    await interaction.reply({ content: 'hello', ephemeral: true });
    expect(interaction.replied).toBe(true);
    await expect(interaction.reply({ content: 'again' })).rejects.toThrow(/already been sent/);
    await interaction.followUp({ content: 'more' });
    expect(shown.map((m) => [m.payload.content, m.ephemeral, m.edited])).toEqual([
      ['hello', true, false],
      ['more', false, false],
    ]);
  });

  test('a button press updates the message it sits on; an edit keeps what it leaves out', async () => {
    const { shown, channel, messenger } = setup();
    const { messageId } = await messenger.send(STUDY_CHANNEL.id, { content: 'Question 1', components: rows([button('quiz:a:1:1:A', 'A')]) });
    const press = consoleButton(channel, 'quiz:a:1:1:A', messageId, () => undefined);
    expect(press).toMatchObject({ customId: 'quiz:a:1:1:A', messageId, replied: false });
    await press.update({ embeds: [{ title: 'Answer' }] });
    await expect(press.reply({ content: 'x' })).rejects.toThrow(/already been sent/);
    expect(shown[1]).toMatchObject({
      messageId,
      edited: true,
      payload: { content: 'Question 1', embeds: [{ title: 'Answer' }], components: rows([button('quiz:a:1:1:A', 'A')]) },
    });
  });
});

describe('ConsoleMessenger', () => {
  test('keeps only messages whose buttons can still be pressed, and a bounded number of them', async () => {
    const { channel, messenger } = setup();
    for (let i = 0; i < 500; i++) await messenger.send(STUDY_CHANNEL.id, { content: `answer ${i}`, components: rows([button(`ask:r:${i}`, 'Related')]) });
    for (let i = 0; i < 500; i++) channel.post({ content: 'no buttons' }, true);
    expect(channel.size).toBe(KEPT_MESSAGES + 1);
    const { messageId } = await messenger.send(STUDY_CHANNEL.id, { content: 'Question', components: rows([button('quiz:a:1:1:A', 'A')]) });
    await messenger.edit(STUDY_CHANNEL.id, messageId, { components: rows([button('quiz:a:1:1:A', 'A', undefined, true)]) });
    await expect(messenger.edit(STUDY_CHANNEL.id, messageId, { content: 'again' })).rejects.toThrow(/Unknown Message/);
    expect((await messenger.recentMessages(STUDY_CHANNEL.id, 100)).length).toBe(50);
  });

  test('the offline server has channels of every kind and a role, for /setup', async () => {
    const { messenger } = setup();
    const kinds = await Promise.all(DIRECTORY.channels.map((c) => messenger.channelFacts(OFFLINE_GUILD.id, c.id)));
    expect(kinds.map((f) => [f?.kind, f?.botCanSend])).toEqual([
      ['text', true],
      ['text', true],
      ['announcement', true],
      ['text', false],
      ['voice', true],
    ]);
    expect(DIRECTORY.roles.map((r) => r.name)).toEqual(['students']);
  });

  test('posts only to the study channel and knows its facts', async () => {
    const { messenger } = setup();
    await expect(messenger.send('999', { content: 'x' })).rejects.toThrow(/Unknown Channel/);
    await expect(messenger.edit(STUDY_CHANNEL.id, '999', { content: 'x' })).rejects.toThrow(/Unknown Message/);
    expect(await messenger.channelFacts(OFFLINE_GUILD.id, STUDY_CHANNEL.id)).toEqual({
      id: STUDY_CHANNEL.id,
      kind: 'text',
      botCanView: true,
      botCanSend: true,
    });
    expect(await messenger.channelFacts(OFFLINE_GUILD.id, '999')).toBeNull();
  });

  test('recent messages: public ones only, newest first, with their footer markers', async () => {
    const { channel, messenger } = setup();
    const first = await messenger.send(STUDY_CHANNEL.id, { embeds: [{ title: 'Term', footer: { text: 'term-of-the-day:2026-01-01' } }] });
    channel.post({ content: 'private' }, true);
    const second = await messenger.send(STUDY_CHANNEL.id, { content: 'later' });
    expect(await messenger.recentMessages(STUDY_CHANNEL.id, 10)).toEqual([
      { id: second.messageId, authorIsMe: true, footer: null },
      { id: first.messageId, authorIsMe: true, footer: 'term-of-the-day:2026-01-01' },
    ]);
  });
});
