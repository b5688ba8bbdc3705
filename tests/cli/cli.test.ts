import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStorage } from '../../src/storage/index.ts';
import { miniKnowledgeCopy } from '../helpers/knowledge.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

const tempDir = useTempDirs();

async function run(entry: string, args: string[], env: Record<string, string> = {}) {
  const child = spawnEntry(entry, args, env);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await exited(child);
  return { code, stdout, output: child.output() };
}

describe('npm run ask', () => {
  test('prints an answer for a person', async () => {
    const { code, stdout } = await run('src/cli/ask.ts', ['what is macro practice']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^What is macro social work\?/);
    expect(stdout).toMatch(/Source: /);
  });

  test('--json prints exactly one object of the documented shape', async () => {
    const { code, stdout } = await run('src/cli/ask.ts', ['--json', 'whats the diff between micro and macro']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result)).toEqual(['query', 'answer', 'suggestions']);
    expect(Object.keys(result.answer)).toEqual(['id', 'question', 'answer', 'level', 'score']);
    expect(result.answer.level).toEqual(expect.arrayContaining(['micro', 'macro']));
    for (const suggestion of result.suggestions) expect(Object.keys(suggestion)).toEqual(['id', 'question']);
  });

  test('--json --batch answers one question per line, in order, with null when it abstains', async () => {
    const file = path.join(tempDir(), 'questions.txt');
    writeFileSync(file, 'what is micro social work\nhow do I bake bread\n\nwhat is an lcsw\n');
    const { code, stdout } = await run('src/cli/ask.ts', ['--json', '--batch', file]);
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((r) => r.query)).toEqual(['what is micro social work', 'how do I bake bread', '', 'what is an lcsw']);
    expect(results[0].answer.id).toBe('micro-definition');
    expect(results[1].answer).toBeNull();
    expect(results[2].answer).toBeNull();
  });

  test('an unknown flag gets the usage, not a stack trace', async () => {
    const { code, output, stdout } = await run('src/cli/ask.ts', ['--loud', 'hi']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(output).toMatch(/unknown option --loud\nusage: npm run ask/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test.each([[['']], [['   ']], [['--json', '']]])('an empty question %j gets the usage and exit code 2', async (args) => {
    const { code, output, stdout } = await run('src/cli/ask.ts', args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(output).toMatch(/usage: npm run ask/);
  });

  test('--batch answers prototype words like any other, and never stops on one line', async () => {
    const file = path.join(tempDir(), 'questions.txt');
    writeFileSync(file, 'constructor\n__proto__\ntoString hasOwnProperty\nand mezzo?\nwhat is macro social work\n');
    const { code, stdout } = await run('src/cli/ask.ts', ['--json', '--batch', file]);
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((r) => r.query)).toEqual(['constructor', '__proto__', 'toString hasOwnProperty', 'and mezzo?', 'what is macro social work']);
    // Each line on its own: "and mezzo?" is not read as a follow-up of the line before.
    expect(results[3].answer?.id).toBe('mezzo-definition');
    expect(results[4].answer.id).toBe('macro-definition');
  });
});

describe('npm run kb:check', () => {
  test('ends with the exact summary line and exits 0 on the real knowledge base', async () => {
    const { code, stdout } = await run('src/cli/kb-check.ts', []);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^kb: \d+ entries, \d+ terms, \d+ quiz items, 0 problems$/);
  });

  test('lists each problem and counts it, exiting 1', async () => {
    const dir = miniKnowledgeCopy({ 'glossary.yaml': '- id: bad\n  term: Bad\n  definition: x\n  level: nano\n  example: y\n  sources: [test-source]\n' });
    const { code, stdout } = await run('src/cli/kb-check.ts', [dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('problem: glossary.yaml, entry "bad", field "level"');
    expect(stdout.trim().split('\n').at(-1)).toBe('kb: 4 entries, 0 terms, 3 quiz items, 1 problems');
  });
});

describe('npm run eval', () => {
  test('prints top-1 accuracy and abstention rate', async () => {
    const { code, stdout } = await run('src/cli/eval.ts', []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^top-1 accuracy: 0\.\d{3}$/m);
    expect(stdout).toMatch(/^abstention rate: 0\.\d{3}$/m);
    expect(stdout).toMatch(/^refusal rate: 0\.\d{3}$/m);
    expect(stdout).toMatch(/^scenario level accuracy: 0\.\d{3}$/m);
    expect(stdout).toMatch(/^ {2}two-typos +\d\.\d{3} \(n=\d+\)$/m);
    expect(stdout).toMatch(/^split tune: top-1 /m);
    expect(stdout).toMatch(/^split report: top-1 /m);
  });

  test('--split tune grades only the tune split; a bad split is refused', async () => {
    const tune = await run('src/cli/eval.ts', ['--split', 'tune']);
    expect(tune.code).toBe(0);
    expect(tune.stdout).toMatch(/^questions: \d+ \(split tune\)$/m);
    expect(tune.stdout).not.toMatch(/^split report/m);
    const bad = await run('src/cli/eval.ts', ['--split', 'all']);
    expect(bad.code).toBe(2);
  });
});

describe('database scripts', () => {
  test('db:backup copies the live database; kb:gaps lists gaps most frequent first', async () => {
    const dir = tempDir();
    const database = path.join(dir, 'live.sqlite');
    const storage = await openStorage(database);
    await storage.askLog.logUnanswered('g', 'what is a genogram', 'out-of-scope');
    await storage.askLog.logUnanswered('g', 'What is a genogram', 'out-of-scope');
    await storage.askLog.logUnanswered('g', 'how to bake bread', 'out-of-scope');
    await storage.askLog.vote('micro-definition', 'u', -1, 'g');

    const backup = await run('src/cli/db-backup.ts', [path.join(dir, 'copy.sqlite')], { DATABASE_PATH: database });
    expect(backup.code).toBe(0);
    await storage.close();
    const copy = await openStorage(path.join(dir, 'copy.sqlite'));
    expect((await copy.askLog.gaps()).unanswered).toHaveLength(2);
    await copy.close();

    const gaps = await run('src/cli/kb-gaps.ts', [], { DATABASE_PATH: database });
    expect(gaps.code).toBe(0);
    const lines = gaps.stdout.split('\n');
    expect(lines[1]).toMatch(/^\s+2 × what is a genogram/i);
    expect(gaps.stdout).toMatch(/1 👎\s+0 👍\s+micro-definition/);
  });
});
