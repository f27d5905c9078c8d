import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildServer } from '../app.js';

interface Media { schema: { properties?: Record<string, unknown>; required?: string[] } }
interface Operation {
  'x-mothership-policy': string;
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, { content: Record<string, Media> }>;
  requestBody: { content: Record<string, Media | undefined> };
}

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => { t = await createTestDb(); app = await buildServer({ db: t.db }); });
afterAll(async () => { await app.close(); await t.drop(); });

describe('OpenAPI', () => {
  it('documents every /api route with its parameters, responses and policy', async () => {
    const r = await app.inject({ url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json<{ openapi: string; paths: Record<string, Record<string, Operation>> }>();
    expect(doc.openapi).toBe('3.1.0');
    const apiRoutes = app.routePolicies.filter((p) => p.method !== 'HEAD' && p.url.startsWith('/api/'));
    for (const route of apiRoutes) {
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op!['x-mothership-policy']).toBe(route.policy);
    }
    const list = doc.paths['/api/v1/findings']!.get!;
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['severity', 'kev', 'risk_min', 'cursor', 'limit']));
    expect(list.responses['200']!.content['application/json']!.schema.properties?.next_cursor).toBeDefined();
    expect(doc.paths['/api/v1/assets/{uid}']!.get!.parameters[0]).toMatchObject({ name: 'uid', in: 'path', required: true });
    expect(doc.paths['/api/v1/ingest']!.post!.requestBody.content['application/octet-stream']).toBeDefined();
    expect(doc.paths['/api/v1/query']!.post!.requestBody.content['application/json']!.schema.required).toEqual(['sql']);
  });

  it('/api/docs lists the operations, with no script', async () => {
    const r = await app.inject({ url: '/api/docs' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('/api/v1/findings/{id}');
    expect(r.body).not.toMatch(/<script/i);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
