import { ApplicationCommandType } from 'discord-api-types/v10';
import { defineMessageCommand } from '../src/bot/command.ts';
import { EVERYWHERE, repliesForcedPrivate } from '../src/bot/reach.ts';
import { explainReply } from '../src/format/explain.ts';

/** "Explain with Levels Tutor": right-click any message → Apps. The reply is private. */
export const explainCommand = defineMessageCommand({
  needs: ['knowledge'],
  data: { type: ApplicationCommandType.Message, name: 'Explain with Levels Tutor', ...EVERYWHERE },
  summary:
    'Right-click any message → Apps → **Explain with Levels Tutor**: the level(s) it describes and why, the glossary terms it names, and what to read next (only you see it).',

  async execute(interaction, { knowledge }) {
    const explanation = knowledge.explainer.explain(interaction.targetText);
    const next = explanation.next === null ? undefined : knowledge.engine.getDoc(explanation.next);
    // Where Discord keeps every reply private, a Share button could only disappoint.
    await interaction.reply(explainReply(explanation, next, !repliesForcedPrivate(interaction)));
  },
});
