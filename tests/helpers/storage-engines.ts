import path from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { useTempDirs } from './temp-dir.ts';

/** A real PostgreSQL server for the tests (.ci/run starts one); without it, SQLite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;

export type EngineName = 'sqlite' | 'postgres';

/**
 * The engines the storage suite runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL
 * is set. Test names carry `[sqlite]` or `[postgres]`, which the summary counts.
 */
export const ENGINES: readonly EngineName[] = TEST_DATABASE_URL === null ? ['sqlite'] : ['sqlite', 'postgres'];

/** A PostgreSQL URL like `base` whose connections use their own, new schema: each test starts empty. */
export async function freshPostgresSchema(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  // %20, not URLSearchParams' +: libpq (pg_dump) reads + literally.
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Fresh, empty databases of one engine, each closed and removed after its test: `location()`
 * for a path or URL to open, `open()` for storage on a new one.
 */
export function useDatabases(engine: EngineName): { location: () => Promise<string>; open: (now?: () => number, location?: string) => Promise<Storage> } {
  const tempDir = useTempDirs();
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const location = async (): Promise<string> => {
    if (engine === 'sqlite') return path.join(tempDir(), 'test.sqlite');
    const { url, drop } = await freshPostgresSchema(TEST_DATABASE_URL as string);
    cleanups.push(drop);
    return url;
  };
  return {
    location,
    open: async (now = Date.now, where?: string) => {
      const storage = await openStorage(where ?? (await location()), now);
      cleanups.push(() => storage.close());
      return storage;
    },
  };
}
