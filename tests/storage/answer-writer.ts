// Child process for storage tests: records answers one committed transaction at a time,
// printing each acknowledged write, the way the bot acknowledges a press to a student.
// As in the bot, a write the busy database refused is not acknowledged; it is tried again.
import { openStorage } from '../../src/storage/index.ts';

const [file, userId, countText, sessionText] = process.argv.slice(2);
const storage = openStorage(file as string);
const sessionId = Number(sessionText);
for (let round = 1; round <= Number(countText); round++) {
  for (;;) {
    try {
      storage.quiz.recordAnswer(sessionId, { round, userId: userId as string, choice: 'A', correct: true, points: 10, answeredAt: Date.now() });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    }
  }
  process.stdout.write(`committed ${round}\n`);
}
storage.close();
