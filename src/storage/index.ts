import { AskLogRepo, openAskLogConnection } from './ask-log-repo.ts';
import { openDatabase, type Db } from './database.ts';
import { ItemReportRepo } from './item-report-repo.ts';
import { PickRepo } from './pick-repo.ts';
import { PracticeRepo } from './practice-repo.ts';
import { QuizRepo } from './quiz-repo.ts';
import { SettingsRepo } from './settings-repo.ts';
import { StudentRepo } from './student-repo.ts';
import { TermRepo } from './term-repo.ts';

/** One open database and its repositories, one per concern. */
export interface Storage {
  readonly db: Db;
  readonly settings: SettingsRepo;
  readonly quiz: QuizRepo;
  readonly terms: TermRepo;
  readonly askLog: AskLogRepo;
  readonly practice: PracticeRepo;
  readonly students: StudentRepo;
  /** Students' "Report a problem" submissions (the class report's queries are in report-repo.ts). */
  readonly itemReports: ItemReportRepo;
  readonly picks: PickRepo;
  close(): void;
}

export function openStorage(file: string, now: () => number = Date.now): Storage {
  const db = openDatabase(file);
  const askLogDb = openAskLogConnection(file, db);
  const askLog = new AskLogRepo(askLogDb, now);
  return {
    db,
    settings: new SettingsRepo(db, now),
    quiz: new QuizRepo(db),
    terms: new TermRepo(db, now),
    askLog,
    practice: new PracticeRepo(db),
    students: new StudentRepo(db, now),
    itemReports: new ItemReportRepo(db, now),
    picks: new PickRepo(db, now),
    close: () => {
      if (askLogDb.open) askLog.flush();
      if (askLogDb !== db && askLogDb.open) askLogDb.close();
      if (db.open) db.close();
    },
  };
}
