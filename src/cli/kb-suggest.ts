import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { proposalsYaml, proposePhrasings } from '../engines/suggest.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { openStorage } from '../storage/index.ts';
import { EVAL_FIXTURES_FILE, loadEvalFixtures } from './eval-fixtures.ts';
import { runCli } from './run-cli.ts';

/** `npm run kb:suggest`: new alternative phrasings per entry from "did you mean" picks, printed as YAML; nothing is applied. */
runCli(async () => {
  const { databasePath, databaseUrl, knowledgeDir } = loadConfig();
  const knowledge = loadKnowledge(knowledgeDir);
  const fixtures = existsSync(EVAL_FIXTURES_FILE) ? loadEvalFixtures().questions.map((q) => q.q) : [];
  if (databaseUrl === null && !existsSync(databasePath)) {
    console.log(proposalsYaml([], 0));
    return 0;
  }
  const storage = await openStorage(databaseUrl ?? databasePath);
  try {
    const picks = await storage.picks.all();
    const proposals = proposePhrasings({
      picks,
      unanswered: await storage.picks.unansweredQuestions(),
      entries: knowledge.entries.map((entry) => ({ ...entry, file: path.relative(process.cwd(), path.join(knowledgeDir, entry.file)) })),
      fixtures,
    });
    console.log(proposalsYaml(proposals, picks.length));
    return 0;
  } finally {
    await storage.close();
  }
});
