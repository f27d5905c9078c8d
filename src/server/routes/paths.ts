import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { pathDetail, pathsPage } from '../../store/queries/paths.js';
import { requestScope } from '../auth/scope.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { errorSchema, guardedErrors, listOf, pageQuery } from './api-schemas.js';
import { Type } from './json-schema.js';

const { str, nstr, int, nnum, date, ndate, obj, arr } = Type;

/** An attack path (docs/paths.md): the CLI's `paths --format json` object plus owner, target and dates. */
export const pathItem = obj({
  id: int, title: str, risk_score: nnum, status: str, severity: str, technique: str, rule_id: str, owner: nstr, asset_uid: nstr,
  target: str, target_kinds: arr(str),
  nodes: arr(obj({ uid: str, kind: str, name: nstr })),
  edges: arr(obj({ from: str, to: str, kind: str, evidence: obj({}) })),
  first_seen: date, resolved_at: ndate,
});

const PathCursor = z.object({ risk: z.number().nullable(), sev: z.number().int().min(0).max(4), id: z.number().int() }).strict();
const TECHNIQUE = { type: 'string', maxLength: 64, pattern: '^[a-z0-9-]+$' } as const;
/** An asset uid (an ARN, a k8s: or image uid): only the paths through it. */
const ASSET = { type: 'string', minLength: 1, maxLength: 2048, description: 'only paths with this asset uid among their nodes' } as const;

export function registerPathRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { status?: string; technique?: string; asset?: string; cursor?: string; limit: number } }>('/api/v1/paths', {
    config: { policy: 'read' },
    schema: {
      summary: 'Attack paths, riskiest first, each with its ordered nodes and explained edges',
      tags: ['paths'],
      querystring: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'resolved', 'all'], default: 'open' }, technique: TECHNIQUE, asset: ASSET, ...pageQuery }, additionalProperties: false },
      response: { 200: listOf(pathItem), ...guardedErrors },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const page = await pathsPage(db, scope, { status: req.query.status, technique: req.query.technique, asset: req.query.asset }, { cursor: decodeCursor(req.query.cursor, PathCursor), limit: req.query.limit });
    return { items: page.items, next_cursor: page.next ? encodeCursor(page.next) : null };
  });

  app.get<{ Params: { id: number } }>('/api/v1/paths/:id', {
    config: { policy: 'read' },
    schema: {
      summary: 'One attack path',
      tags: ['paths'],
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      response: { 200: pathItem, ...guardedErrors, 404: errorSchema },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const path = await pathDetail(db, scope, req.params.id);
    // Another tenant's path is answered like a missing one: its id is not confirmed.
    if (!path) throw new MothershipError('NOT_FOUND', `path ${req.params.id}: not found`);
    return path;
  });
}
