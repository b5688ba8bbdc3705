import { describe, expect, expectTypeOf, test } from 'vitest';
import { askCommand } from '../../commands/ask.ts';
import type { CommandModule } from '../../src/bot/command.ts';
import { reportModal, type ReportField } from '../../src/format/share-report.ts';
import type { OptionNamesOf } from '../../src/interactions/options.ts';
import type { ChatInputInteraction, ModalSubmitInteraction } from '../../src/interactions/types.ts';

// `npm run typecheck` compiles this file: each @ts-expect-error fails the check if the misspelt name ever compiles.
describe('names a handler reads are the names its definition declares', () => {
  test("a slash command's options", () => {
    type AskOptions = typeof askCommand extends CommandModule<infer N> ? N : never;
    expectTypeOf<AskOptions['string']>().toEqualTypeOf<'question'>();
    const read = (interaction: ChatInputInteraction<AskOptions>) => {
      // @ts-expect-error: no option "qestion"
      interaction.string('qestion');
      return interaction.string('question');
    };
    expect(typeof read).toBe('function');
    expectTypeOf<OptionNamesOf<{ name: 'x'; description: 'y' }>['string']>().toBeNever();
  });

  test("the report form's fields", () => {
    expect(reportModal({ kind: 'entry', id: 'micro-definition' }).fields.map((field) => field.id)).toEqual(['reason', 'comment'] satisfies ReportField[]);
    const read = (interaction: ModalSubmitInteraction<ReportField>) => {
      // @ts-expect-error: no field "reson"
      interaction.value('reson');
      return interaction.value('reason');
    };
    expect(typeof read).toBe('function');
  });
});
