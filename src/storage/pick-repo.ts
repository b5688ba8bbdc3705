import type { SqlClient } from './sql.ts';

export interface Pick {
  readonly question: string;
  readonly docId: string;
}

/** "Did you mean" picks: which entry a student chose after the bot refused or was unsure about their question. */
export class PickRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** One pick per student, question and entry; a pick of a vanished log row is ignored. */
  async record(unansweredId: number, docId: string, userId: string): Promise<boolean> {
    const changes = await this.db.run(
      `INSERT INTO suggestion_picks (unanswered_id, doc_id, user_id, picked_at)
       SELECT id, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT) FROM unanswered_questions WHERE id = ?
       ON CONFLICT DO NOTHING`,
      [docId, userId, this.now(), unansweredId],
    );
    return changes > 0;
  }

  /** Every pick with the question it answers, oldest first. */
  all(): Promise<Pick[]> {
    return this.db.all<Pick>(
      `SELECT q.question AS question, p.doc_id AS "docId" FROM suggestion_picks p JOIN unanswered_questions q ON q.id = p.unanswered_id ORDER BY p.picked_at, q.id`,
    );
  }

  /** Every unanswered question, for grouping near-duplicates with the picked ones. */
  async unansweredQuestions(): Promise<string[]> {
    return (await this.db.all<{ question: string }>('SELECT question FROM unanswered_questions ORDER BY id')).map((row) => row.question);
  }
}
