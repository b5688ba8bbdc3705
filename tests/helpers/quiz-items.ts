import type { Level, PracticeLevel } from '../../src/domain/levels.ts';
import type { QuizItem } from '../../src/knowledge/schema.ts';

const LEVELS_IN_FIXTURE: readonly Level[] = ['micro', 'mezzo', 'macro', 'general'];
const SCENARIO_ANSWERS: readonly PracticeLevel[] = ['micro', 'mezzo', 'macro'];

const common = (id: string, level: Level) => ({
  id,
  level,
  explanation: `Why ${id} is right.`,
  difficulty: 'easy' as const,
  sources: ['test-source'],
  teaches: 'micro-definition',
  file: 'fixture.yaml',
  readMore: '/ask question: What is micro social work?',
});

/**
 * Quiz items written for the engine tests, independent of the real knowledge base: per level
 * (general included) three multiple-choice and two true/false items, and two "which level?"
 * scenarios per answer, 26 in all.
 */
export function fixtureQuizItems(): QuizItem[] {
  return [
    ...LEVELS_IN_FIXTURE.flatMap((level): QuizItem[] => [
      ...[1, 2, 3].map((n): QuizItem => ({
        ...common(`${level}-mc-${n}`, level),
        kind: 'multiple-choice',
        question: `${level} question ${n}?`,
        choices: ['One', 'Two', 'Three'],
        answer: 'B',
      })),
      ...[1, 2].map((n): QuizItem => ({ ...common(`${level}-tf-${n}`, level), kind: 'true-false', question: `${level} statement ${n}.`, answer: n === 1 })),
    ]),
    ...SCENARIO_ANSWERS.flatMap((answer) =>
      [1, 2].map((n): QuizItem => ({ ...common(`scenario-${answer}-${n}`, answer), kind: 'scenario-level', question: `A ${answer} scenario ${n}.`, answer })),
    ),
  ];
}
