import { describe, expect, test } from 'vitest';
import { SinkChatInput } from '../../src/bench/sink.ts';
import { defineCommand, defineComponent, type Services } from '../../src/bot/command.ts';
import { consoleButton, OfflineChannel } from '../../src/console/console-interactions.ts';
import type { CommandDefinition } from '../../src/interactions/options.ts';

/** Every service, each a value that names itself: what a handler is handed shows which ones it got. */
const everything = new Proxy({} as Services, { get: (_target, key) => `the ${String(key)} service` });

describe('a command gets only the services it declares', () => {
  test('a slash command handler is handed its needs, and nothing else', async () => {
    const seen: string[][] = [];
    const command = defineCommand({
      needs: ['now', 'records'],
      data: { name: 'probe', description: 'Which services arrive' } as const satisfies CommandDefinition,
      examples: [],
      async execute(_interaction, services) {
        seen.push(Object.entries(services).map(([key, value]) => `${key}: ${String(value)}`));
      },
    });
    await command.execute(new SinkChatInput('1', { id: 'u', displayName: 'U' }, 'probe', {}), everything);
    expect(seen).toEqual([['now: the now service', 'records: the records service']]);
    expect(command.data.name).toBe('probe');
  });

  test('a component that needs nothing is handed nothing', async () => {
    const seen: object[] = [];
    const component = defineComponent({
      needs: [],
      prefix: 'probe',
      async button(_interaction, _parts, services) {
        seen.push(services);
      },
    });
    expect(component.prefix).toBe('probe');
    await component.button?.(
      consoleButton(new OfflineChannel(() => undefined), 'probe:x', 'm', () => undefined),
      ['x'],
      everything,
    );
    expect(seen).toEqual([{}]);
  });
});
