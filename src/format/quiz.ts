import { time, TimestampStyles, userMention } from '@discordjs/formatters';
import { ButtonStyle } from 'discord-api-types/v10';
import type { PracticeCard } from '../domain/practice.ts';
import type { LeaderboardRow, PlayerStats } from '../domain/quiz.ts';
import type { Streak } from '../engines/streaks.ts';
import { choicesFor, correctKey, correctLabel, questionText, type QuizLevel, type RoundState, type Standing } from '../engines/quiz.ts';
import type { QuizItem } from '../knowledge/schema.ts';
import type { MessagePayload, ReplyPayload } from '../interactions/types.ts';
import { button, rows } from './components.ts';
import { whenText } from './dates.ts';
import { COLORS } from './colors.ts';
import { LEVEL_STYLE } from './levels.ts';
import { LIMITS } from './limits.ts';
import { quizButtonId } from './custom-ids/quiz.ts';
import { reportButton, shareButton } from './share-report.ts';

const MEDALS = ['🥇', '🥈', '🥉'];

/** Shown only after the reveal: for a "which level is this?" item the level is the answer. */
function levelLine(item: QuizItem): string {
  const style = LEVEL_STYLE[item.level];
  return `${style.badge} ${style.label} · ${item.difficulty}`;
}

/** Before the reveal nothing may depend on the answer: a neutral color, and no level. */
const QUESTION_COLOR = LEVEL_STYLE.general.color;

/** Mentions of those who got it right, cut on whole mentions to fit one embed field. */
function rightList(ids: readonly string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const [index, id] of ids.entries()) {
    const entry = userMention(id);
    const left = ids.length - index - 1;
    const more = left > 0 ? `, +${left} more`.length : 0;
    if (length + (shown.length > 0 ? 2 : 0) + entry.length + more > LIMITS.fieldValue) break;
    length += (shown.length > 0 ? 2 : 0) + entry.length;
    shown.push(entry);
  }
  const hidden = ids.length - shown.length;
  return hidden > 0 ? `${shown.join(', ')}, +${hidden} more` : shown.join(', ');
}

function choiceLines(item: QuizItem): string {
  return item.kind === 'multiple-choice'
    ? `\n\n${choicesFor(item)
        .map((c) => `**${c.key}**: ${c.label}`)
        .join('\n')}`
    : '';
}

/** The reveal's pointer to the Q&A entry or glossary term the item teaches. */
function readMoreLine(item: QuizItem): string {
  return `\n\nRead more: \`${item.readMore}\``;
}

/** Multiple-choice buttons show the letter (the full text is in the embed); others show their label. */
function choiceButtonLabel(item: QuizItem, key: string, label: string): string {
  return item.kind === 'multiple-choice' ? key : label;
}

function standingLines(list: readonly Standing[], limit = 10): string {
  if (list.length === 0) return 'Nobody answered.';
  return list
    .slice(0, limit)
    .map((s, i) => `${MEDALS[i] ?? `${i + 1}.`} ${userMention(s.userId)}: **${s.points}** pts (${s.correct}/${s.answered} right)`)
    .join('\n');
}

export function quizIntro(level: QuizLevel, questions: number, seconds: number, starterId: string): ReplyPayload {
  const levelName = level === 'mixed' ? 'mixed levels' : `${LEVEL_STYLE[level].badge} ${LEVEL_STYLE[level].label}`;
  return {
    content: `🎓 **Quiz time!** ${userMention(starterId)} started a quiz: ${questions} questions, ${levelName}, ${seconds} s each. Anyone here can play: press a button to answer, one answer per question. Faster right answers earn bonus points.`,
  };
}

export function roundMessage(sessionId: number, state: RoundState, total: number): MessagePayload {
  const buttons = choicesFor(state.item).map((c) =>
    button(quizButtonId.answer(sessionId, state.round, c.key), choiceButtonLabel(state.item, c.key, c.label), ButtonStyle.Primary),
  );
  return {
    embeds: [
      {
        title: `Question ${state.round} of ${total}`,
        description: `${questionText(state.item)}${choiceLines(state.item)}`,
        color: QUESTION_COLOR,
        // Rounded down: the countdown never promises more time than the round has.
        fields: [{ name: 'Time', value: `Closes ${time(Math.floor(state.deadlineAt / 1000), TimestampStyles.RelativeTime)}` }],
        footer: { text: state.item.difficulty },
      },
    ],
    components: rows(buttons),
  };
}

export function revealMessage(state: RoundState, total: number, right: readonly string[], wrong: readonly string[], top: readonly Standing[]): MessagePayload {
  const answer = correctKey(state.item);
  const buttons = choicesFor(state.item).map((c) =>
    button(quizButtonId.closed(c.key), choiceButtonLabel(state.item, c.key, c.label), c.key === answer ? ButtonStyle.Success : ButtonStyle.Secondary, true),
  );
  const who = right.length > 0 ? rightList(right) : wrong.length > 0 ? 'Nobody this time.' : 'Nobody answered.';
  return {
    embeds: [
      {
        title: `Question ${state.round} of ${total}: answer`,
        description: `${questionText(state.item)}${choiceLines(state.item)}\n\n✅ **${correctLabel(state.item)}**\n${state.item.explanation}${readMoreLine(state.item)}`,
        color: LEVEL_STYLE[state.item.level].color,
        fields: [
          { name: 'Got it right', value: who },
          { name: 'Scores so far', value: standingLines(top, 5) },
        ],
        footer: { text: levelLine(state.item) },
      },
    ],
    components: [...rows(buttons), ...rows([reportButton({ kind: 'quiz', id: state.item.id })])],
  };
}

export function finalMessage(list: readonly Standing[], ending: 'finished' | 'stopped' | 'interrupted'): MessagePayload {
  const title = { finished: '🏁 Quiz over: final standings', stopped: '⏹️ Quiz stopped: standings so far', interrupted: '⚠️ Quiz interrupted by a restart' }[
    ending
  ];
  const note = ending === 'interrupted' ? 'The bot restarted during this quiz. Every answer given before that still counts.\n\n' : '';
  return {
    embeds: [
      { title, description: `${note}${standingLines(list)}`, color: LEVEL_STYLE.general.color, footer: { text: 'See /quiz leaderboard and /quiz stats' } },
    ],
  };
}

export function leaderboardReply(period: string, top: readonly LeaderboardRow[], own: LeaderboardRow | null): ReplyPayload {
  const lines = top.map(
    (row) => `${MEDALS[row.rank - 1] ?? `${row.rank}.`} ${userMention(row.userId)}: **${row.points}** pts (${row.correct}/${row.answered} right)`,
  );
  const ownLine =
    own === null ? 'You have no quiz answers in this period yet.' : `You are #${own.rank} with ${own.points} pts (${own.correct}/${own.answered} right).`;
  return {
    embeds: [
      {
        title: `Leaderboard: ${{ week: 'last 7 days', month: 'last 30 days', all: 'all time' }[period] ?? period}`,
        description: lines.length > 0 ? lines.join('\n') : 'No quiz answers yet. Start one with `/quiz start`!',
        color: LEVEL_STYLE.general.color,
        fields: [{ name: 'Your rank', value: ownLine }],
      },
    ],
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

/** `study` (own stats only: practice is private): streak and cards due. */
export function statsReply(userId: string, stats: PlayerStats, study?: StudySummary): ReplyPayload {
  const perLevel = stats.byLevel.map(
    (l) => `${LEVEL_STYLE[l.level as keyof typeof LEVEL_STYLE]?.badge ?? '•'} ${l.level}: ${percent(l.correct, l.answered)} (${l.correct}/${l.answered})`,
  );
  const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
  const studyFields =
    study === undefined
      ? []
      : [
          { name: 'Study streak', value: `${days(study.streak.current)} (best ${days(study.streak.best)})`, inline: true },
          { name: 'Practice cards due', value: `${study.due.today} today, ${study.due.tomorrow} tomorrow`, inline: true },
        ];
  return {
    embeds: [
      {
        title: 'Quiz stats',
        description: userMention(userId),
        color: LEVEL_STYLE.general.color,
        fields: [
          { name: 'Questions answered', value: String(stats.answered), inline: true },
          { name: 'Accuracy', value: percent(stats.correct, stats.answered), inline: true },
          { name: 'Best streak', value: String(stats.bestStreak), inline: true },
          { name: 'Quizzes played', value: String(stats.quizzes), inline: true },
          ...studyFields,
          { name: 'By level', value: perLevel.join('\n') || 'No answers yet.' },
        ],
        ...(study === undefined ? {} : { footer: { text: `Study days in ${study.timezone}; one missed day a week is bridged.` } }),
      },
    ],
  };
}

/** A student's own study record for `/quiz stats`: streak and practice cards due, in their local days. */
export interface StudySummary {
  readonly timezone: string;
  readonly streak: Streak;
  readonly due: { readonly today: number; readonly tomorrow: number };
}

/** `shownAt`: the card's review count now, so that only one press of this showing counts; `now` times the answer. */
export function practiceQuestion(level: QuizLevel, item: QuizItem, card: PracticeCard | undefined, shownAt: number, now: number): ReplyPayload {
  const buttons = choicesFor(item).map((c) =>
    button(quizButtonId.practiceAnswer(level, item.id, c.key, shownAt, now), choiceButtonLabel(item, c.key, c.label), ButtonStyle.Primary),
  );
  const seen = card === undefined ? 'new card' : `${card.state === 2 ? 'review' : 'learning'} card, seen ${card.reps}×`;
  return {
    ephemeral: true,
    embeds: [
      { title: 'Practice', description: `${questionText(item)}${choiceLines(item)}`, color: QUESTION_COLOR, footer: { text: `${item.difficulty} · ${seen}` } },
    ],
    components: rows([...buttons, button(quizButtonId.practiceStop(), 'Stop', ButtonStyle.Secondary)]),
  };
}

/** `extra`: a streak milestone line, when this answer reached one. */
export function practiceResult(
  level: QuizLevel,
  item: QuizItem,
  chosen: string,
  card: PracticeCard,
  now: number,
  timeZone: string,
  extra: string | null = null,
): MessagePayload {
  const right = chosen === correctKey(item);
  const next = `You’ll see this again ${whenText(card.dueAt, now, timeZone)}.${extra === null ? '' : `\n\n${extra}`}`;
  return {
    embeds: [
      {
        title: right ? '✅ Right!' : `❌ Not quite: it’s ${correctLabel(item)}`,
        description: `${questionText(item)}${choiceLines(item)}\n\n${item.explanation}${readMoreLine(item)}\n\n${next}`,
        color: right ? COLORS.right : COLORS.wrong,
        footer: { text: `${levelLine(item)} · Solo practice never touches the server leaderboard.` },
      },
    ],
    components: rows([
      button(quizButtonId.practiceNext(level, item.id), 'Next question', ButtonStyle.Primary),
      button(quizButtonId.practiceStop(), 'Stop', ButtonStyle.Secondary),
      shareButton(),
      reportButton({ kind: 'quiz', id: item.id }),
    ]),
  };
}

/** Nothing due and today's new cards met: the Anki "congratulations" screen. */
export function practiceDone(nextDueAt: number | null, newPerDay: number, now: number, timeZone: string): MessagePayload {
  const next = nextDueAt === null ? 'Come back tomorrow for new cards.' : `Your next card is due ${whenText(nextDueAt, now, timeZone)}.`;
  return { content: `🎉 All caught up: no card is due and you have met today’s ${newPerDay} new cards. ${next}`, embeds: [], components: [] };
}
