import type { Db } from './database.ts';
import type { PostgresClient } from './postgres-client.ts';

export interface TableCopy {
  readonly table: string;
  readonly rows: number;
  /** Rows PostgreSQL holds afterwards: the copy is verified when they match. */
  readonly copiedRows: number;
}

const BATCH_ROWS = 500;

/** Every table of the SQLite file, each after the tables its foreign keys point at. */
function tablesInOrder(db: Db): string[] {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
  const ordered: string[] = [];
  const visit = (table: string, path: ReadonlySet<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    for (const { table: parent } of db.pragma(`foreign_key_list("${table}")`) as Array<{ table: string }>) visit(parent, new Set([...path, table]));
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/**
 * Copies every table of a SQLite database (at the current schema version) into an empty
 * PostgreSQL database at the same version, in one transaction, then counts the rows on both
 * sides. Identity sequences are moved past the copied ids, so new quizzes get new ids.
 */
export async function copyToPostgres(source: Db, target: PostgresClient): Promise<TableCopy[]> {
  const tables = tablesInOrder(source);
  const client = await target.pool.connect();
  try {
    for (const table of tables) {
      const { count } = (await client.query<{ count: number }>(`SELECT COUNT(*) AS count FROM ${table}`)).rows[0]!;
      if (count > 0) throw new Error(`The PostgreSQL database already has rows in ${table}: copy into an empty database, so nothing is doubled.`);
    }
    await client.query('BEGIN');
    for (const table of tables) {
      const columns = columnsOf(source, table);
      const rows = source
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`)
        .raw()
        .all() as unknown[][];
      for (let start = 0; start < rows.length; start += BATCH_ROWS) {
        const batch = rows.slice(start, start + BATCH_ROWS);
        const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat());
      }
      if (columns.includes('id')) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT MAX(id) FROM ${table}), 1), (SELECT MAX(id) IS NOT NULL FROM ${table}))`,
        );
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const copies: TableCopy[] = [];
  for (const table of tables) {
    const rows = (source.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const copied = await target.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
    copies.push({ table, rows, copiedRows: copied?.n ?? 0 });
  }
  return copies;
}

function columnsOf(db: Db, table: string): string[] {
  return (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((column) => column.name);
}
