import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { runsPage } from '../../store/queries/runs-page.js';
import { requestScope } from '../auth/scope.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { guardedErrors, listOf, pageQuery, runItem } from './api-schemas.js';

interface RunsQuery { status?: string; source?: string; cursor?: string; limit: number }

export function registerRunRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: RunsQuery }>('/api/v1/runs', {
    config: { policy: 'read' },
    schema: {
      summary: 'Runs (collections, imports, analyses), newest first; a tenant sees the uploads made for it',
      tags: ['runs'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: ['running', 'succeeded', 'partial', 'failed', 'interrupted'] },
          source: { type: 'string', maxLength: 128 },
          ...pageQuery,
        },
      },
      response: { 200: listOf(runItem), ...guardedErrors },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const page = await runsPage(db, scope, { before: decodeCursor(req.query.cursor, z.number().int().positive()), limit: req.query.limit,
      status: req.query.status, source: req.query.source });
    return { items: page.items, next_cursor: page.next ? encodeCursor(page.next) : null };
  });
}
