import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { importDeploymentEvents } from '../../pipeline/import-deployments.js';
import { requestScope } from '../auth/scope.js';
import { errorSchema } from './api-schemas.js';
import { Type } from './json-schema.js';

const deploymentsResult = Type.obj({
  run: Type.int, status: Type.str, deployments: Type.int,
  assets: Type.obj({ inserted: Type.int, updated: Type.int }), relationships: Type.obj({ inserted: Type.int, deleted: Type.int }),
}, { additional: false });

/**
 * `POST /api/v1/deployments`: a deploy pipeline says which image (by digest) now runs for a service in an
 * environment; one scoped run of source `deployments` (docs/deployments.md). The body is validated by the
 * same zod schema as `mothership import deployments`, so errors name the item index and field.
 */
export function registerDeploymentRoutes(app: FastifyInstance, db: Db): void {
  app.post<{ Body: unknown }>('/api/v1/deployments', {
    config: { policy: 'write' },
    schema: {
      summary: 'Record deployments: [{service, image (digest reference), environment, cluster?, account?, deployed_at?}]',
      tags: ['ingest'],
      response: { 200: deploymentsResult, 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const owner = scope.owners === null ? undefined : req.principal!.tenant ?? undefined;
    const r = await importDeploymentEvents(db, req.body, 'request body', { owner });
    const c = r.counts;
    return { run: r.runId, status: r.status, deployments: c.scopes.complete,
      assets: { inserted: c.assets.inserted, updated: c.assets.updated }, relationships: { inserted: c.relationships.inserted, deleted: c.relationships.deleted } };
  });
}
