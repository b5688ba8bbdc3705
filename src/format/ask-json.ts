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
      answer: answer.doc.answer,
      level: [...answer.doc.levels],
      score: answer.score,
    },
    suggestions: result.suggestions.map((doc) => ({ id: doc.id, question: doc.question })),
  };
}
