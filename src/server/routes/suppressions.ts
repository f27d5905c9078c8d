import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { validateSuppression } from '../../findings/suppression.js';
import { createSuppression, deleteSuppression, listSuppressions } from '../../pipeline/suppressions.js';
import { requestScope } from '../auth/scope.js';
import { seesAllTenants } from '../auth/principal.js';
import { errorSchema, guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';

/**
 * Suppression rules. Anyone logged in lists the rules of their scope (members: the rules naming their own
 * owners); creating and deleting them is the security team's (analyst, admin): a member's 'write' policy
 * lets it triage, not hide findings wholesale.
 */
const suppressionItem = Type.obj({
  id: Type.int, rule_id: Type.nstr, asset_pattern: Type.nstr, label: Type.nstr, owner: Type.nstr, reason: Type.str,
  expires_at: Type.ndate, created_by: Type.str, created_at: Type.date, active: Type.bool, findings: Type.int,
});

function refuseUnlessSecurityTeam(req: FastifyRequest, reply: FastifyReply): boolean {
  const p = req.principal!;
  if (seesAllTenants(p)) return false;
  void reply.status(403).send({ error: 'FORBIDDEN', message: `${p.role} may not ${req.method} suppressions: it needs an analyst or admin` });
  return true;
}

interface SuppressionBody { rule_id?: string | null; asset_pattern?: string | null; label?: string | null; owner?: string | null; reason: string; expires_at?: string | null }

export function registerSuppressionRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/suppressions', {
    config: { policy: 'read' },
    schema: {
      summary: 'Suppression rules (newest first), whether active, and how many findings each suppresses now',
      tags: ['triage'],
      response: { 200: Type.obj({ items: Type.arr(suppressionItem), next_cursor: Type.nstr }), ...guardedErrors },
    },
  }, async (req) => ({ items: await listSuppressions(db, await requestScope(db, req)), next_cursor: null }));

  const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max });
  app.post<{ Body: SuppressionBody }>('/api/v1/suppressions', {
    config: { policy: 'write' },
    schema: {
      summary: 'Create a suppression rule (analyst, admin): matching open findings are suppressed now and at the end of every run until it expires',
      tags: ['triage'],
      body: {
        type: 'object', additionalProperties: false, required: ['reason'],
        properties: {
          rule_id: { ...nullableText(1024), description: 'a rule id or an advisory id' },
          asset_pattern: { ...nullableText(1024), description: 'glob over asset uids: * any characters, ? one' },
          label: nullableText(64), owner: nullableText(512), reason: { type: 'string', minLength: 1, maxLength: 4000 },
          expires_at: { type: ['string', 'null'], format: 'date-time' }, csrf: { type: 'string', maxLength: 256 },
        },
      },
      response: { 200: Type.obj({ suppression: suppressionItem, suppressed: Type.int }), ...guardedErrors },
    },
  }, async (req, reply) => {
    if (refuseUnlessSecurityTeam(req, reply)) return reply;
    const b = req.body;
    const v = validateSuppression({ ...b, expires_at: b.expires_at ? new Date(b.expires_at) : null }, new Date());
    if (!v.ok) throw new MothershipError('BAD_INPUT', v.error);
    return createSuppression(db, v.value, req.principal!.name);
  });

  app.delete<{ Params: { id: number } }>('/api/v1/suppressions/:id', {
    config: { policy: 'write' },
    schema: {
      summary: 'Delete a suppression rule (analyst, admin): its findings return to triage none at once',
      tags: ['triage'],
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      response: { 200: Type.obj({ unsuppressed: Type.int }), ...guardedErrors, 404: errorSchema },
    },
  }, async (req, reply) => {
    if (refuseUnlessSecurityTeam(req, reply)) return reply;
    return deleteSuppression(db, await requestScope(db, req), req.params.id);
  });
}
