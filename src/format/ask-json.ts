import type { AskResult } from '../engines/answer-engine.ts';

/** The `ask --json` contract: other tools parse this shape, keep it exactly. */
export interface AskJson {
  query: string;
  answer: null | { id: string; question: string; answer: string; level: string[]; score: number };
  suggestions: Array<{ id: string; question: string }>;
}

export function toAskJson(result: AskResult): AskJson {
  const { answer } = result;
  return {
    query: result.query,
    answer: answer && {
      id: answer.doc.id,
      question: answer.doc.question,
      // A classified scenario answers with its level and why; the entry is the one to read next.
      answer: answer.scenario?.text ?? answer.doc.answer,
      level: answer.scenario === null ? [...answer.doc.levels] : [answer.scenario.level],
      score: answer.score,
    },
    suggestions: result.suggestions.map((doc) => ({ id: doc.id, question: doc.question })),
  };
}
