// Child process for storage tests: records answers one committed transaction at a time,
// printing each acknowledged write, the way the bot acknowledges a press to a student.
// As in the bot, a write the busy database refused is not acknowledged; it is tried again.
// The location is a SQLite file or a PostgreSQL URL.
import { isStorageFault } from '../../src/services/safely.ts';
import { openStorage } from '../../src/storage/index.ts';

const [location, userId, countText, sessionText] = process.argv.slice(2);
const storage = await openStorage(location as string);
const sessionId = Number(sessionText);
for (let round = 1; round <= Number(countText); round++) {
  for (;;) {
    try {
      await storage.quiz.recordAnswer(sessionId, { round, userId: userId as string, choice: 'A', correct: true, points: 10, answeredAt: Date.now() });
      break;
    } catch (error) {
      if (!isStorageFault(error) || (error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    }
  }
  process.stdout.write(`committed ${round}\n`);
}
await storage.close();
