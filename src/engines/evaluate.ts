import type { AnswerEngine, AskResult } from './answer-engine.ts';

export type EvalSplit = 'tune' | 'report';

export interface EvalQuestion {
  readonly q: string;
  readonly category: string;
  /** Ids that really answer it; empty when the bot must refuse. */
  readonly expect: readonly string[];
  /** For a scenario: the level(s) it is graded on (any of them, when the sources disagree). */
  readonly level?: readonly string[];
  readonly split: EvalSplit;
}

export interface EvalFixtures {
  readonly questions: readonly EvalQuestion[];
}

export interface EvalMiss {
  readonly q: string;
  readonly category: string;
  readonly split: EvalSplit;
  readonly expect: readonly string[];
  readonly level: readonly string[] | null;
  readonly got: string | null;
  readonly gotLevel: readonly string[] | null;
  readonly score: number | null;
}

export interface EvalFigures {
  /** Right answers among questions that have one (scenarios graded on level). */
  readonly top1Accuracy: number;
  /** Refusals among questions that must be refused. */
  readonly abstentionRate: number;
  /** Right levels among scenario questions. */
  readonly scenarioLevelAccuracy: number;
  readonly answerable: number;
  readonly refusable: number;
  readonly scenarios: number;
}

export interface EvalReport extends EvalFigures {
  /** Accuracy per category: right answers, or right refusals for categories that must be refused. */
  readonly categories: ReadonlyMap<string, { readonly accuracy: number; readonly count: number }>;
  readonly splits: ReadonlyMap<EvalSplit, EvalFigures>;
  readonly misses: readonly EvalMiss[];
}

/** The levels an answer gives, as the `ask --json` contract shows them. */
function answerLevels(result: AskResult): readonly string[] | null {
  const { answer } = result;
  if (answer === null) return null;
  return answer.scenario === null ? answer.doc.levels : [answer.scenario.level];
}

/** A scenario is graded on its level, whether or not an entry explains it best (`expect` may be empty). */
function isScenario(question: EvalQuestion): boolean {
  return question.level !== undefined && question.level.length > 0;
}

/** What the bot must refuse: no entry answers it, and it is no scenario. */
function isRefusable(question: EvalQuestion): boolean {
  return question.expect.length === 0 && !isScenario(question);
}

function isRight(question: EvalQuestion, result: AskResult): boolean {
  if (isRefusable(question)) return result.answer === null;
  if (isScenario(question)) {
    const levels = answerLevels(result);
    return levels !== null && levels.length === 1 && (question.level as readonly string[]).includes(levels[0] as string);
  }
  return result.answer !== null && question.expect.includes(result.answer.doc.id);
}

function figures(graded: ReadonlyArray<{ question: EvalQuestion; right: boolean }>): EvalFigures {
  const answerable = graded.filter((g) => !isRefusable(g.question));
  const refusable = graded.filter((g) => isRefusable(g.question));
  const scenarios = graded.filter((g) => isScenario(g.question));
  const share = (list: typeof graded): number => ratio(list.filter((g) => g.right).length, list.length);
  return {
    top1Accuracy: share(answerable),
    abstentionRate: share(refusable),
    scenarioLevelAccuracy: share(scenarios),
    answerable: answerable.length,
    refusable: refusable.length,
    scenarios: scenarios.length,
  };
}

/** Grades every question: top-1 on answerable ones, refusal on the others, scenarios on level. */
export function evaluate(engine: AnswerEngine, fixtures: EvalFixtures): EvalReport {
  const graded = fixtures.questions.map((question) => {
    const result = engine.ask(question.q);
    return { question, result, right: isRight(question, result) };
  });
  const byCategory = new Map<string, Array<(typeof graded)[number]>>();
  for (const g of graded) byCategory.set(g.question.category, [...(byCategory.get(g.question.category) ?? []), g]);
  const categories = new Map(
    [...byCategory].map(([name, list]) => [name, { accuracy: ratio(list.filter((g) => g.right).length, list.length), count: list.length }]),
  );
  const splits = new Map<EvalSplit, EvalFigures>();
  for (const split of ['tune', 'report'] as const) {
    const inSplit = graded.filter((g) => g.question.split === split);
    if (inSplit.length > 0) splits.set(split, figures(inSplit));
  }
  const misses = graded
    .filter((g) => !g.right)
    .map(({ question, result }) => ({
      q: question.q,
      category: question.category,
      split: question.split,
      expect: question.expect,
      level: question.level ?? null,
      got: result.answer?.doc.id ?? null,
      gotLevel: answerLevels(result),
      score: result.answer?.score ?? null,
    }));
  return { ...figures(graded), categories, splits, misses };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
