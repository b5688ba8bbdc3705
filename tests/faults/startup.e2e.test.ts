import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readKnowledge } from '../../src/knowledge/load.ts';
import { openStorage } from '../../src/storage/index.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { APPLICATION_ID, DiscordStandIn, TOKEN } from '../helpers/discord-stand-in.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

// Start-up faults through the real entry point (`npm start` runs `node --import tsx src/index.ts`):
// each is refused with one line saying what failed, where, and the fix; never a stack trace.

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
beforeAll(() => standIn.start());
afterAll(() => standIn.stop());

async function start(env: Record<string, string>) {
  const child = spawnEntry('src/index.ts', [], { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: standIn.apiUrl, ...env });
  const code = await exited(child);
  return { code, lines: child.output().trim().split('\n') };
}

describe('start-up failures are one line, before logging in', () => {
  test('a read-only database file in a writable folder', async () => {
    const file = path.join(tempDir(), 'tutor.sqlite');
    await (await openStorage(file)).close();
    chmodSync(file, 0o444);
    const identified = standIn.identifies.length;
    const { code, lines } = await start({ DATABASE_PATH: file });
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/read-only: make it writable \(chmod u\+w/);
    expect(standIn.identifies.length).toBe(identified);
  }, 30_000);

  test('a database from a newer version', async () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    const { code, lines } = await start({ DATABASE_PATH: file });
    expect(code).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/schema version 999.*upgrade Levels Tutor, or point DATABASE_PATH at another file/)]);
  }, 30_000);

  test('a database path under a plain file', async () => {
    const blocker = path.join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const { code, lines } = await start({ DATABASE_PATH: path.join(blocker, 'tutor.sqlite') });
    expect(code).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/Cannot open the database .*not-a-folder.*\(E[A-Z]+\): check DATABASE_PATH/)]);
  }, 30_000);

  test('a knowledge folder that is a plain file', async () => {
    const blocker = path.join(tempDir(), 'knowledge');
    writeFileSync(blocker, '');
    const { code, lines } = await start({ DATABASE_PATH: path.join(tempDir(), 'tutor.sqlite'), KNOWLEDGE_DIR: blocker });
    expect(code).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/The knowledge folder .*knowledge is not a folder: check KNOWLEDGE_DIR/)]);
  }, 30_000);

  test('a login Discord refuses', async () => {
    const wrongToken = `${TOKEN.slice(0, -4)}WXYZ`;
    const { code, lines } = await start({ DATABASE_PATH: path.join(tempDir(), 'tutor.sqlite'), DISCORD_TOKEN: wrongToken });
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Logging in to Discord .* failed .*check DISCORD_TOKEN/);
    expect(lines[0]).not.toContain(wrongToken);
  }, 30_000);

  test('a token pasted into DISCORD_APPLICATION_ID is not echoed', async () => {
    const { code, lines } = await start({ DISCORD_APPLICATION_ID: TOKEN });
    expect(code).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: DISCORD_APPLICATION_ID must be .*looks like a token/)]);
    expect(lines.join('\n')).not.toContain(TOKEN.split('.')[0]);
  }, 30_000);
});

describe('one YAML typo', () => {
  test('the real problem comes first, and the cascade of dangling related ids is one summary line', () => {
    const dir = tempDir();
    cpSync(REAL_KNOWLEDGE_DIR, dir, { recursive: true });
    const [file] = readdirSync(path.join(dir, 'qa'))
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    const target = path.join(dir, 'qa', file!);
    writeFileSync(target, readFileSync(target, 'utf8').replace(/question: (.*)/, 'question: "$1'));
    const { problems } = readKnowledge(dir);
    expect(problems[0]).toMatchObject({ file: expect.stringMatching(new RegExp(`^qa/${file}:\\d+:\\d+$`)), message: expect.stringMatching(/^invalid YAML/) });
    const summaries = problems.slice(1);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.length).toBeLessThanOrEqual(3);
    expect(summaries.map((p) => p.message)).toContainEqual(expect.stringMatching(/^\d+ dangling related ids, probably caused by the problem\(s\) above/));
    for (const summary of summaries) expect(summary.message).toMatch(/^\d+ .*, probably caused by the problem\(s\) above/);
  });

  test('without a load problem, each dangling related id is still reported where it is', () => {
    const dir = tempDir();
    cpSync(REAL_KNOWLEDGE_DIR, dir, { recursive: true });
    const [file] = readdirSync(path.join(dir, 'qa'))
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    const target = path.join(dir, 'qa', file!);
    writeFileSync(target, readFileSync(target, 'utf8').replace(/related: \[/, 'related: [no-such-entry, '));
    const { problems } = readKnowledge(dir);
    expect(problems).toEqual([expect.objectContaining({ file: `qa/${file}`, message: 'dangling related id "no-such-entry": no Q&A entry has it' })]);
  });
});

describe('npm run kb:gaps over hostile stored questions', () => {
  test('control characters and newlines are printed escaped, one line per entry', async () => {
    const file = path.join(tempDir(), 'tutor.sqlite');
    const storage = await openStorage(file);
    await storage.askLog.logUnanswered('g', 'evil \u001b[2J\u0007 bell', 'abstained');
    await storage.askLog.logUnanswered('g', 'two\n   9 × forged report line', 'abstained');
    await storage.close();
    const child = spawnEntry('src/cli/kb-gaps.ts', [], { DATABASE_PATH: file });
    expect(await exited(child)).toBe(0);
    const output = child.output();
    // eslint-disable-next-line no-control-regex -- the point is that no control character reaches the terminal
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const lines = output.split('\n');
    expect(lines.filter((line) => line.includes('×'))).toHaveLength(2);
    expect(output).toContain('evil \\u{1b}[2J\\u{7} bell');
    expect(output).toContain('two\\n   9 × forged report line');
    expect(lines.some((line) => line.startsWith('   9 × forged'))).toBe(false);
  }, 30_000);
});
