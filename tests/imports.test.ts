import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/** Every TypeScript module of the bot (src/ and commands/), with what it imports: relative paths resolved, packages by name. */
function importGraph(): Map<string, string[]> {
  const root = path.resolve('.');
  const files = ['src', 'commands'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)),
  );
  const graph = new Map<string, string[]>();
  for (const file of files.filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'))) {
    const source = readFileSync(path.join(root, file), 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
    graph.set(
      file,
      specifiers.map((specifier) => (specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : specifier)),
    );
  }
  return graph;
}

/** Each import circle once, as the modules along it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
  return found;
}

const graph = importGraph();
const importsOf = (folder: string) =>
  [...graph].filter(([file]) => file.startsWith(folder)).flatMap(([file, imports]) => imports.map((imported) => `${file} → ${imported}`));

describe('the import graph', () => {
  test('sees the whole tree, type imports included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/bot/router.ts')).toContain('src/bot/command.ts');
    expect(graph.get('commands/index.ts')).toContain('commands/ask.ts');
  });

  test('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  test('finds a circle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'zod']],
      ['c.ts', ['a.ts']],
    ]);
    expect(circles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  test('engines are pure: nothing from storage, services, the bot, a transport or discord.js', () => {
    expect(
      importsOf('src/engines/').filter((edge) =>
        /→ (src\/(storage|services|bot|discord|console|jobs|interactions|format)\/|discord\.js|@discordjs\/)/.test(edge),
      ),
    ).toEqual([]);
  });

  test('domain types sit lowest: they import only each other', () => {
    expect(importsOf('src/domain/').filter((edge) => !/→ src\/domain\//.test(edge))).toEqual([]);
  });

  test('storage and format never reach up into services, the bot or a transport', () => {
    expect([...importsOf('src/storage/'), ...importsOf('src/format/')].filter((edge) => /→ src\/(services|bot|discord|console|jobs)\//.test(edge))).toEqual([]);
    expect(importsOf('src/storage/').filter((edge) => /→ (src\/(engines|format)\/|discord\.js)/.test(edge))).toEqual([]);
  });
});
