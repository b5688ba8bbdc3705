import type { Db } from './database.ts';

export interface Pick {
  readonly question: string;
  readonly docId: string;
}

/** "Did you mean" picks: which entry a student chose after the bot refused or was unsure about their question. */
export class PickRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** One pick per student, question and entry; a pick of a vanished log row is ignored. */
  record(unansweredId: number, docId: string, userId: string): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO suggestion_picks (unanswered_id, doc_id, user_id, picked_at)
         SELECT id, ?, ?, ? FROM unanswered_questions WHERE id = ?`,
      )
      .run(docId, userId, this.now(), unansweredId);
    return result.changes > 0;
  }

  /** Every pick with the question it answers, oldest first. */
  all(): Pick[] {
    return this.db
      .prepare<[], Pick>(
        `SELECT q.question AS question, p.doc_id AS docId FROM suggestion_picks p JOIN unanswered_questions q ON q.id = p.unanswered_id ORDER BY p.picked_at, q.id`,
      )
      .all();
  }

  /** Every unanswered question, for grouping near-duplicates with the picked ones. */
  unansweredQuestions(): string[] {
    return this.db.prepare<[], { question: string }>('SELECT question FROM unanswered_questions ORDER BY id').all().map((row) => row.question);
  }
}
