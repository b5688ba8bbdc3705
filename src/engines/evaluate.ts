import type { AnswerEngine } from './answer-engine.ts';

export interface EvalFixtures {
  /** Student phrasings, each labelled with the id(s) of the entry that answers it. */
  inScope: ReadonlyArray<{ q: string; expect: string | readonly string[] }>;
  /** Questions the bot must not answer with social-work content. */
  offTopic: readonly string[];
}

export interface EvalReport {
  top1Accuracy: number;
  abstentionRate: number;
  misses: Array<{ q: string; expect: readonly string[]; got: string | null; score: number | null }>;
  wrongAnswers: Array<{ q: string; got: string; score: number }>;
}

/** Top-1 accuracy on in-scope phrasings (an abstention counts as a miss), and abstention on off-topic ones. */
export function evaluate(engine: AnswerEngine, fixtures: EvalFixtures): EvalReport {
  const misses: EvalReport['misses'] = [];
  for (const { q, expect } of fixtures.inScope) {
    const expected = typeof expect === 'string' ? [expect] : expect;
    const { answer } = engine.ask(q);
    if (answer === null || !expected.includes(answer.doc.id)) {
      misses.push({ q, expect: expected, got: answer?.doc.id ?? null, score: answer?.score ?? null });
    }
  }
  const wrongAnswers: EvalReport['wrongAnswers'] = [];
  for (const q of fixtures.offTopic) {
    const { answer } = engine.ask(q);
    if (answer !== null) wrongAnswers.push({ q, got: answer.doc.id, score: answer.score });
  }
  return {
    top1Accuracy: ratio(fixtures.inScope.length - misses.length, fixtures.inScope.length),
    abstentionRate: ratio(fixtures.offTopic.length - wrongAnswers.length, fixtures.offTopic.length),
    misses,
    wrongAnswers,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
