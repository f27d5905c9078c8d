import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/store/db.js';
import { openDb } from '../../src/store/open.js';

/**
 * Tests run against PGlite by default, and against a real PostgreSQL server when MOTHERSHIP_TEST_PG holds
 * a server URL (CI sets it): each test database is created fresh and dropped afterwards.
 */
export const TEST_PG = process.env.MOTHERSHIP_TEST_PG ?? '';
export const BACKEND = TEST_PG ? 'postgres' : 'pglite';

export interface TestDb {
  db: Db;
  /** The location to hand to a CLI or a child process. */
  location: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database: PGlite in a temp dir (or memory) or a new database on the PostgreSQL server. */
export async function createTestDb(options: { dir?: string } = {}): Promise<TestDb> {
  if (!TEST_PG) {
    const location = options.dir ?? 'memory://';
    const db = await openDb(location);
    return { db, location, drop: () => db.close() };
  }
  const name = `ms_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const location = withDatabase(TEST_PG, name);
  const db = await openDb(location);
  return {
    db,
    location,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
