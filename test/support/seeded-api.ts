import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from './test-db.js';
import { seedTenants, type Seeded } from './api-seed.js';
import { buildServer } from '../../src/server/app.js';

export interface SeededApi { t: TestDb; app: FastifyInstance; seed: Seeded }

/** A fresh store seeded with tenants A and B (api-seed.ts) and the API server over it, for route tests. */
export async function startSeededApi(options: { extraFindings?: number } = {}): Promise<SeededApi> {
  const t = await createTestDb();
  const seed = await seedTenants(t.db, options);
  const app = await buildServer({ db: t.db });
  return { t, app, seed };
}

export async function stopSeededApi(api: { t?: TestDb; app?: FastifyInstance }): Promise<void> {
  await api.app?.close();
  await api.t?.drop();
}
