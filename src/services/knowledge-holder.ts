import { statSync } from 'node:fs';
import { StartupError } from '../config.ts';
import { AnswerEngine } from '../engines/answer-engine.ts';
import { Explainer } from '../engines/explain.ts';
import { GlossaryIndex } from '../engines/glossary.ts';
import { runToEnd, type Steps } from '../engines/steps.ts';
import { loadKnowledgeInWorker } from '../knowledge/load-in-worker.ts';
import { loadKnowledge, KnowledgeError } from '../knowledge/load.ts';
import { KNOWLEDGE_SNAPSHOT, readKnowledgeSnapshot } from '../knowledge/snapshot.ts';
import type { Knowledge } from '../knowledge/schema.ts';
import type { Logger } from '../logger.ts';
import { runInSlices } from './in-slices.ts';

interface Served {
  readonly knowledge: Knowledge;
  readonly engine: AnswerEngine;
  readonly glossary: GlossaryIndex;
  readonly explainer: Explainer;
  readonly sourceTitles: ReadonlyMap<string, string>;
}

/**
 * The knowledge the bot serves right now. A reload swaps it in whole, or, when the
 * edited files are invalid, keeps serving the previous version and logs every problem.
 */
export class KnowledgeHolder {
  private reloads = 0;
  private current: Served;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {
    const found = statSync(dir, { throwIfNoEntry: false });
    if (found === undefined || !found.isDirectory()) {
      throw new StartupError(
        `The knowledge folder ${dir} ${found === undefined ? 'does not exist' : 'is not a folder'}: check KNOWLEDGE_DIR points to the knowledge folder.`,
      );
    }
    try {
      this.current = runToEnd(KnowledgeHolder.build(readKnowledgeSnapshot(dir, KNOWLEDGE_SNAPSHOT) ?? loadKnowledge(dir)));
    } catch (error) {
      if (error instanceof KnowledgeError) throw error;
      const { code, message } = error as NodeJS.ErrnoException;
      throw new StartupError(`Cannot read the knowledge folder ${dir} (${code ?? message}): check KNOWLEDGE_DIR points to the knowledge folder.`);
    }
  }

  /** What the holder serves, built in steps (engines/steps.ts): at start-up all at once, on a reload in slices. */
  private static *build(knowledge: Knowledge): Steps<Served> {
    const engine = yield* AnswerEngine.build(knowledge);
    return {
      knowledge,
      engine,
      glossary: new GlossaryIndex(knowledge.terms),
      explainer: new Explainer(knowledge),
      sourceTitles: new Map(knowledge.sources.map((s) => [s.id, s.title])),
    };
  }

  get knowledge(): Knowledge {
    return this.current.knowledge;
  }

  get engine(): AnswerEngine {
    return this.current.engine;
  }

  get glossary(): GlossaryIndex {
    return this.current.glossary;
  }

  get explainer(): Explainer {
    return this.current.explainer;
  }

  sourceTitles(ids: readonly string[]): string[] {
    return ids.map((id) => this.current.sourceTitles.get(id) ?? id);
  }

  /**
   * Resolves true when the new knowledge is now serving. The files are read and validated
   * in a worker thread, and the new index is built on this thread in slices of a few
   * milliseconds (services/in-slices.ts), so interactions are answered from the old knowledge
   * meanwhile; a reload overtaken by a later one leaves the later one's result in place.
   */
  async reload(): Promise<boolean> {
    const reload = ++this.reloads;
    try {
      const knowledge = await loadKnowledgeInWorker(this.dir);
      if (reload !== this.reloads) return false;
      const served = await runInSlices(KnowledgeHolder.build(knowledge));
      if (reload !== this.reloads) return false;
      this.current = served;
      const { entries, terms, quiz } = this.current.knowledge;
      this.logger.info({ entries: entries.length, terms: terms.length, quiz: quiz.length }, 'knowledge reloaded');
      return true;
    } catch (error) {
      if (error instanceof KnowledgeError) {
        for (const problem of error.problems) this.logger.error({ problem }, 'knowledge reload refused; still serving the previous knowledge');
      } else {
        // The folder itself is unreadable (ENOTDIR, EACCES, …): one line, and the old knowledge stays.
        const { code, message } = error as NodeJS.ErrnoException;
        this.logger.error(
          { dir: this.dir, code, reason: message },
          'knowledge reload refused: cannot read the knowledge folder; still serving the previous knowledge',
        );
      }
      return false;
    }
  }
}
