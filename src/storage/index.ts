import { AskLogRepo, openAskLogConnection } from './ask-log-repo.ts';
import { openDatabase } from './database.ts';
import { ItemReportRepo } from './item-report-repo.ts';
import { PickRepo } from './pick-repo.ts';
import { PracticeRepo } from './practice-repo.ts';
import { QuizRepo } from './quiz-repo.ts';
import { ReportRepo } from './report-repo.ts';
import { SettingsRepo } from './settings-repo.ts';
import type { SqlClient } from './sql.ts';
import { SqliteClient } from './sqlite-client.ts';
import { StudentRepo } from './student-repo.ts';
import { TermRepo } from './term-repo.ts';

/** One open database (SQLite or PostgreSQL) and its repositories, one per concern. */
export interface Storage {
  readonly sql: SqlClient;
  readonly settings: SettingsRepo;
  readonly quiz: QuizRepo;
  readonly terms: TermRepo;
  readonly askLog: AskLogRepo;
  readonly practice: PracticeRepo;
  readonly report: ReportRepo;
  readonly students: StudentRepo;
  /** Students' "Report a problem" submissions (the class report's queries are in report-repo.ts). */
  readonly itemReports: ItemReportRepo;
  readonly picks: PickRepo;
  close(): Promise<void>;
}

/** Whether a database location is a PostgreSQL URL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the database at `location` and brings its schema up to date: a `postgres://` URL
 * (DATABASE_URL) or a SQLite file path (DATABASE_PATH).
 */
export async function openStorage(location: string, now: () => number = Date.now): Promise<Storage> {
  let sql: SqlClient;
  let askLogSql: SqlClient;
  if (isPostgresUrl(location)) {
    // Imported only here: a SQLite bot (and the offline console) never loads pg.
    const { openPostgres } = await import('./postgres-client.ts');
    sql = askLogSql = await openPostgres(location);
  } else {
    const sqlite = new SqliteClient(openDatabase(location));
    sql = sqlite;
    askLogSql = openAskLogConnection(location, sqlite);
  }
  const askLog = new AskLogRepo(askLogSql, now);
  return {
    sql,
    settings: new SettingsRepo(sql, now),
    quiz: new QuizRepo(sql),
    terms: new TermRepo(sql, now),
    askLog,
    practice: new PracticeRepo(sql),
    students: new StudentRepo(sql, now),
    report: new ReportRepo(sql),
    itemReports: new ItemReportRepo(sql, now),
    picks: new PickRepo(sql, now),
    close: async () => {
      if (askLogSql.open) await askLog.flush();
      if (askLogSql !== sql) await askLogSql.close();
      await sql.close();
    },
  };
}
