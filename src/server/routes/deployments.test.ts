import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type TestDb } from '../../../test/support/test-db.js';
import { type Seeded } from '../../../test/support/api-seed.js';
import { startSeededApi, stopSeededApi } from '../../../test/support/seeded-api.js';

let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => { ({ t, app, seed } = await startSeededApi()); });
afterAll(() => stopSeededApi({ t, app }));

const post = (payload: unknown, token: string | null = seed.tokens.memberA) =>
  app.inject({ method: 'POST', url: '/api/v1/deployments', headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as object });
const image = (c: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/payments/api@sha256:${c.repeat(64)}`;

describe('POST /api/v1/deployments', () => {
  it('records a deployment a member posts, owned by its tenant; a later one replaces the image link', async () => {
    const r = await post([{ service: 'payments-api', image: image('a'), environment: 'production', cluster: 'prod-eu', account: '123456789012', deployed_at: '2026-02-01T10:00:00Z' }]);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'succeeded', deployments: 1, assets: { inserted: 2 }, relationships: { inserted: 1 } });
    const [asset] = await t.db.query<{ environment: string; owner: string; account: string }>(
      `select environment, owner, account from assets where uid = 'deployment:payments-api/production'`);
    expect(asset).toEqual({ environment: 'production', owner: 'team-alpha', account: '123456789012' });

    expect((await post({ deployments: [{ service: 'payments-api', image: image('b'), environment: 'production' }] })).json())
      .toMatchObject({ relationships: { inserted: 1, deleted: 1 } });
    expect(await t.db.query(`select to_uid from relationships where from_uid = 'deployment:payments-api/production'`)).toEqual([{ to_uid: image('b') }]);
  });

  it('refuses a bad event naming the item index and field', async () => {
    const r = await post([{ service: 'api', image: image('a'), environment: 'production' }, { service: 'api', image: image('a') }]);
    expect(r.statusCode).toBe(400);
    expect(r.json<{ message: string }>().message).toMatch(/^request body: deployments\[1\]\.environment: /);
    expect((await post([{ service: 'api', image: image('a'), environment: 'prod', extra: 1 }])).json<{ message: string }>().message)
      .toMatch(/deployments\[0\]: .*extra/);
  });

  it('needs write permission: a viewer may not post', async () => {
    expect((await post([{ service: 'api', image: image('c'), environment: 'staging' }], seed.tokens.viewerA)).statusCode).toBe(403);
    expect((await post([{ service: 'api', image: image('c'), environment: 'staging' }], null)).statusCode).toBe(401);
    expect(await t.db.query(`select 1 from assets where uid = 'deployment:api/staging'`)).toEqual([]);
  });
});
