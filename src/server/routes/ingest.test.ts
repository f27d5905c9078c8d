import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { seedTenants, type Seeded } from '../../../test/support/api-seed.js';
import { buildServer } from '../app.js';

const TRIVY = readFileSync(new URL('../../sources/trivy/testdata/image-report.json', import.meta.url));
let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  seed = await seedTenants(t.db);
  app = await buildServer({ db: t.db });
});
afterAll(async () => { await app.close(); await t.drop(); });

const upload = (query: string, body: Buffer | string, token = seed.tokens.memberA, contentType = 'application/octet-stream') =>
  app.inject({ method: 'POST', url: `/api/v1/ingest?${query}`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: body });

describe('POST /api/v1/ingest', () => {
  it('ingests a report like `mothership ingest --format json`; a member\'s upload is owned by its tenant', async () => {
    const r = await upload('filename=ci/image-report.json', TRIVY);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ file: 'ci/image-report.json', type: 'trivy-json', assets: 2, packages: 5, findings: 6, new: 6, resolved: 0, errors: [] });
    const owners = await t.db.query<{ owner: string }>(`select distinct owner from findings where source = 'trivy-json'`);
    expect(owners).toEqual([{ owner: 'team-alpha' }]);
    // Idempotent, as on the command line.
    expect((await upload('filename=image-report.json', TRIVY)).json()).toMatchObject({ new: 0, findings: 6 });
  });

  it('a member may name one of its tenant\'s owners, not another tenant\'s', async () => {
    expect((await upload('owner=team-alpha-web', TRIVY)).statusCode).toBe(200);
    expect((await upload('owner=team-bravo', TRIVY)).statusCode).toBe(403);
  });

  it('an unknown format is a 415 with the CLI\'s error line naming the client\'s file name', async () => {
    const r = await upload('filename=notes.txt', 'hello');
    expect(r.statusCode).toBe(415);
    const body = r.json<{ file: string; errors: string[] }>();
    expect(body.file).toBe('notes.txt');
    expect(body.errors[0]).toMatch(/^notes\.txt: not a report format/);
    expect(body.errors[0]).not.toMatch(/mothership-upload/);
  });

  it('needs the raw body content type, and write permission', async () => {
    expect((await upload('', '{}', seed.tokens.memberA, 'text/plain')).statusCode).toBe(415);
    expect((await upload('', TRIVY, seed.tokens.viewerA)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/octet-stream' }, payload: TRIVY })).statusCode).toBe(401);
  });
});
