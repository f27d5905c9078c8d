import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { currentPosture, postureHistory } from '../../store/queries/posture.js';
import { fixPlans } from '../../engines/fixplans/fix-plans.js';
import { requestScope } from '../auth/scope.js';
import { errorSchema, guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';

const scopeScore = { score: Type.num, open_findings: Type.int, open_risk: Type.num, assets: Type.int, domains: Type.obj({}) };

/** `org`, `owner:<id>` or `account:<id>`. */
function parseScope(s: string): { kind: 'org' | 'owner' | 'account'; id: string } {
  if (s === 'org') return { kind: 'org', id: '' };
  const m = /^(owner|account):(.+)$/.exec(s);
  if (!m) throw new MothershipError('BAD_INPUT', `scope ${JSON.stringify(s)}: expected org, owner:<id> or account:<id>`);
  return { kind: m[1] as 'owner' | 'account', id: m[2]! };
}

export function registerPostureRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/posture', {
    config: { policy: 'read' },
    schema: {
      summary: 'Current posture scores (0-100, higher is better): organization, owners, accounts, each overall and by domain; a tenant sees its owners',
      tags: ['posture'],
      response: {
        200: Type.obj({
          day: Type.nstr,
          overall: Type.nobj(scopeScore),
          owners: Type.arr(Type.obj({ owner: Type.str, ...scopeScore })),
          accounts: Type.arr(Type.obj({ account: Type.str, ...scopeScore })),
        }),
        ...guardedErrors,
      },
    },
  }, async (req) => currentPosture(db, await requestScope(db, req)));

  app.get<{ Querystring: { scope: string; days: number } }>('/api/v1/posture/history', {
    config: { policy: 'read' },
    schema: {
      summary: 'Daily posture scores of one scope, oldest first',
      tags: ['posture'],
      querystring: {
        type: 'object',
        properties: {
          scope: { type: 'string', maxLength: 600, default: 'org', description: 'org, owner:<id> or account:<id>' },
          days: { type: 'integer', minimum: 1, maximum: 366, default: 30 },
        },
        additionalProperties: false,
      },
      response: {
        200: Type.obj({ scope: Type.str, items: Type.arr(Type.obj({ day: Type.str, score: Type.num, domains: Type.obj({}) })) }),
        ...guardedErrors, 404: errorSchema,
      },
    },
  }, async (req) => {
    const which = parseScope(req.query.scope);
    const items = await postureHistory(db, await requestScope(db, req), which, req.query.days);
    // Another tenant's scope is the same answer as an unknown one.
    if (items === null) throw new MothershipError('NOT_FOUND', 'posture scope: not found');
    return { scope: req.query.scope, items };
  });

  app.get<{ Querystring: { limit: number } }>('/api/v1/fix-plans', {
    config: { policy: 'read' },
    schema: {
      summary: 'Fix plans: open findings grouped by the one action that resolves them, ranked by the risk it removes; a tenant sees plans over its findings',
      tags: ['posture'],
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } }, additionalProperties: false },
      response: {
        200: Type.obj({
          items: Type.arr(Type.obj({
            id: Type.str, kind: Type.str, action: Type.str, summary: Type.str, target: Type.str, package: Type.nstr, fixed_version: Type.nstr, rule_id: Type.nstr,
            resolves: Type.obj({ findings: Type.int, assets: Type.int, owners: Type.int, paths: Type.int }),
            risk_removed: Type.num, findings: Type.arr(Type.int),
          })),
        }),
        ...guardedErrors,
      },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    return { items: await fixPlans(db, { owners: scope.owners, limit: req.query.limit }) };
  });
}
