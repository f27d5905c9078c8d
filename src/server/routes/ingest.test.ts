import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type TestDb } from '../../../test/support/test-db.js';
import { type Seeded } from '../../../test/support/api-seed.js';
import { buildServer } from '../app.js';
import { startSeededApi, stopSeededApi } from '../../../test/support/seeded-api.js';

const TRIVY = readFileSync(new URL('../../sources/trivy/testdata/image-report.json', import.meta.url));
let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => { ({ t, app, seed } = await startSeededApi()); });
afterAll(() => stopSeededApi({ t, app }));

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

describe('POST /api/v1/ingest as multipart/form-data', () => {
  const LIMIT = 64 * 1024;
  let small: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    small = await buildServer({ db: t.db, maxUploadBytes: LIMIT });
    base = await small.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => { await small.close(); });

  /** A real multipart body, as browsers and `curl -F` send it. */
  function post(fields: Record<string, string>, file?: { body: Buffer | string; name: string }, token = seed.tokens.memberA, query = '') {
    const form = new FormData();
    if (file) form.append('file', new Blob([file.body]), file.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${base}/api/v1/ingest${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  }

  it('ingests the part named file (its name without the client\'s directories), with the owner from a field that follows it', async () => {
    const r = await post({ owner: 'team-alpha-web', type: 'trivy-json' }, { body: TRIVY, name: 'scans/form-report.json' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ file: 'form-report.json', type: 'trivy-json', findings: 6 });
    const owners = await t.db.query<{ owner: string }>(`select distinct owner from findings where source = 'trivy-json' and owner = 'team-alpha-web'`);
    expect(owners).toEqual([{ owner: 'team-alpha-web' }]);
  });

  it('refuses a form naming another tenant\'s owner, and a form without a file', async () => {
    expect((await post({ owner: 'team-bravo' }, { body: TRIVY, name: 'r.json' })).status).toBe(403);
    const none = await post({ owner: 'team-alpha' });
    expect(none.status).toBe(400);
    expect((await none.json() as { errors: string[] }).errors[0]).toMatch(/part named "file"/);
    const stray = await post({ colour: 'blue' }, { body: TRIVY, name: 'r.json' });
    expect(stray.status).toBe(400);
    expect((await stray.json() as { errors: string[] }).errors[0]).toMatch(/form field colour/);
  });

  it('answers 413 when the file is over the limit, as a form or as a raw body', async () => {
    const big = Buffer.alloc(LIMIT + 1, 'x');
    const form = await post({}, { body: big, name: 'huge.json' });
    expect(form.status).toBe(413);
    expect(await form.json()).toEqual({ error: 'TOO_LARGE', message: `huge.json: upload larger than ${LIMIT} bytes` });
    const raw = await fetch(`${base}/api/v1/ingest?filename=huge.json`, {
      method: 'POST', headers: { authorization: `Bearer ${seed.tokens.memberA}`, 'content-type': 'application/octet-stream' }, body: big,
    });
    expect(raw.status).toBe(413);
    // Just under the limit is read (and refused for its content, not its size).
    expect((await post({}, { body: Buffer.alloc(LIMIT, 'x'), name: 'notes.txt' })).status).toBe(415);
  });
});
