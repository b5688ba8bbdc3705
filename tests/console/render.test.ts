import { ButtonStyle } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { plainText, renderMessage, type RenderContext } from '../../src/console/render.ts';
import { button, rows } from '../../src/format/components.ts';
import { quoteUserText } from '../../src/format/limits.ts';
import type { MessagePayload } from '../../src/interactions/types.ts';

const NOW = 1_700_000_000_000;
const context: RenderContext = { names: { '100000000000000002': 'study-channel', '100000000000000003': 'you' }, now: NOW };

describe('plainText', () => {
  test.each<[string, string]>([
    ['**Micro**: individuals', 'Micro: individuals'],
    ['__under__ and ~~gone~~ and *soft* and _also soft_', 'under and gone and soft and also soft'],
    ['snake_case_name and 2*3*4', 'snake_case_name and 2*3*4'],
    ['Try `/ask question: **not bold**` now', 'Try `/ask question: **not bold**` now'],
    [quoteUserText('what is *this* _thing_?'), 'what is *this* _thing_?'],
    ['Study channels here: <#100000000000000002>, <#999>', 'Study channels here: #study-channel, #unknown-channel'],
    ['🥇 <@100000000000000003>: **15** pts, <@!5>, <@&7>', '🥇 @you: 15 pts, @unknown-member, @unknown-role'],
    ['Run </quiz start:123> or </help:1>', 'Run /quiz start or /help'],
    [`Closes <t:${NOW / 1000 + 20}:R>`, 'Closes in 20 seconds'],
    [`Ended <t:${NOW / 1000 - 1}:R>, <t:${NOW / 1000 + 120}:R>, <t:${NOW / 1000 - 7200}:R>`, 'Ended 1 second ago, in 2 minutes, 2 hours ago'],
    ['See [the guide](https://example.org/guide) or <https://example.org>', 'See the guide (https://example.org/guide) or https://example.org'],
    ['# Big\n## Smaller\n-# small print\n> quoted\n- listed', 'Big\nSmaller\nsmall print\n> quoted\n- listed'],
    ['<:party:123> <a:wave:456>', ':party: :wave:'],
  ])('%j → %j', (markdown, expected) => {
    expect(plainText(markdown, context)).toBe(expected);
  });
});

const answer: MessagePayload = {
  embeds: [
    {
      title: 'What is **macro** social work?',
      description: 'Macro work changes policy.\n\nExample: lobbying.',
      fields: [
        { name: 'Level', value: '🔵 Macro', inline: true },
        { name: 'Source', value: 'Essay\nFAQ' },
      ],
      footer: { text: 'macro-definition · match 100%' },
    },
  ],
  components: [
    ...rows([button('ask:show:e:micro', 'What is micro?'), button('ask:show:e:mezzo', 'What is mezzo?')]),
    ...rows([button('ask:vote:up:e:macro', '👍 Helpful'), button('ask:vote:down:e:macro', '👎 Not helpful')]),
  ],
};

describe('renderMessage', () => {
  test.each<[string, MessagePayload, { ephemeral: boolean; edited: boolean }, string, string[]]>([
    [
      'an embed: title, description, fields, footer; buttons numbered across rows',
      answer,
      { ephemeral: false, edited: false },
      [
        '╭ What is macro social work?',
        '│ Macro work changes policy.',
        '│',
        '│ Example: lobbying.',
        '│',
        '│ Level: 🔵 Macro',
        '│ Source:',
        '│   Essay',
        '│   FAQ',
        '╰ macro-definition · match 100%',
        '  [1] What is micro?   [2] What is mezzo?',
        '  [3] 👍 Helpful   [4] 👎 Not helpful',
      ].join('\n'),
      ['ask:show:e:micro', 'ask:show:e:mezzo', 'ask:vote:up:e:macro', 'ask:vote:down:e:macro'],
    ],
    [
      'an ephemeral text reply',
      { content: 'Thanks! Glad it helped. 👍' },
      { ephemeral: true, edited: false },
      '(only you see this)\nThanks! Glad it helped. 👍',
      [],
    ],
    [
      'an edited message: disabled buttons show as [-] and get no number',
      {
        content: 'Question 1: answer',
        embeds: [{ description: 'It was **B**.' }],
        components: rows([
          button('quiz:closed:A', 'A', ButtonStyle.Secondary, true),
          button('quiz:closed:B', 'B', ButtonStyle.Success, true),
          button('quiz:next', 'Next', ButtonStyle.Primary),
        ]),
      },
      { ephemeral: true, edited: true },
      '(edited, only you see this)\nQuestion 1: answer\n╭─\n│ It was B.\n╰─\n  [-] A   [-] B   [1] Next',
      ['quiz:closed:A', 'quiz:closed:B', 'quiz:next'],
    ],
    [
      'a link button is listed with its address and is not pressable',
      { content: 'Read more', components: [{ type: 1, components: [{ type: 2, style: ButtonStyle.Link, label: 'Guide', url: 'https://example.org' }] }] },
      { ephemeral: false, edited: false },
      'Read more\n  [link] Guide: https://example.org',
      [],
    ],
  ])('%s', (_, payload, flags, text, customIds) => {
    const rendered = renderMessage(payload, flags, context);
    expect(rendered.text).toBe(text);
    expect(rendered.buttons.map((b) => b.customId)).toEqual(customIds);
  });
});
