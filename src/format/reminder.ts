import { ButtonStyle } from 'discord-api-types/v10';
import type { MessagePayload } from '../interactions/types.ts';
import { button, rows } from './components.ts';
import { LEVEL_STYLE } from './levels.ts';
import { quizButtonId } from './custom-ids/quiz.ts';

/** Button ids on a reminder; the quiz command handles them. */
export const reminderButtonId = {
  practice: quizButtonId.remindPractice,
  off: quizButtonId.remindOff,
};

/** Footer text of a reminder; start-up recovery looks for it to avoid sending twice. */
export function reminderMarker(localDate: string): string {
  return `Practice reminder · ${localDate}`;
}

export function reminderMessage(dueCount: number, localDate: string): MessagePayload {
  const cards = dueCount === 1 ? '1 practice card is' : `${dueCount} practice cards are`;
  return {
    embeds: [
      {
        title: '⏰ Time to practise',
        description: `${cards} due today. A few minutes now brings them back just before you would forget them.`,
        color: LEVEL_STYLE.general.color,
        footer: { text: reminderMarker(localDate) },
      },
    ],
    components: rows([
      button(reminderButtonId.practice(), 'Start practice', ButtonStyle.Primary),
      button(reminderButtonId.off(), 'Turn reminders off', ButtonStyle.Secondary),
    ]),
  };
}

export const DMS_CLOSED_NOTICE =
  'I could not send you a practice reminder: your direct messages are closed to me, so I turned reminders off. To get them again, allow direct messages from this server’s members (Privacy Settings) and use `/quiz remind on`.';
