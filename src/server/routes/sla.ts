import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { AT_RISK_DAYS, MAX_SLA_DAYS, validatePolicies } from '../../findings/sla.js';
import { SEVERITIES } from '../../model/finding.js';
import { replaceSlaPolicies, slaPolicies, slaSummary } from '../../pipeline/sla.js';
import { requestScope } from '../auth/scope.js';
import { errorSchema, guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';

/**
 * SLA status per owner (tenant-scoped like findings) and the policy table behind the due dates. Reading
 * the policies is open to every user; replacing them is an admin's (policy 'admin').
 */
const policyItem = Type.obj({ severity: Type.str, criticality: Type.str, days: { type: ['integer', 'null'] }, updated_at: Type.date, updated_by: Type.nstr });
const ownerSla = Type.obj({ owner: Type.nstr, open: Type.int, breached: Type.int, at_risk: Type.int, next_due: Type.ndate });

export function registerSlaRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/v1/sla', {
    config: { policy: 'read' },
    schema: {
      summary: `SLA per owner: open findings on the team's plate, breached (past due) and at risk (due within ${AT_RISK_DAYS} days)`,
      tags: ['triage'],
      response: {
        200: Type.obj({ items: Type.arr(ownerSla), next_cursor: Type.nstr, totals: Type.obj({ open: Type.int, breached: Type.int, at_risk: Type.int }),
          at_risk_days: Type.int, policies: Type.arr(policyItem) }),
        ...guardedErrors,
      },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const [summary, policies] = await Promise.all([slaSummary(db, scope), slaPolicies(db)]);
    return { items: summary.items, next_cursor: null, totals: summary.totals, at_risk_days: AT_RISK_DAYS, policies };
  });

  app.get('/api/v1/sla/policies', {
    config: { policy: 'read' },
    schema: {
      summary: 'SLA policies: days to due per severity and asset criticality (* for any other)',
      tags: ['triage'],
      response: { 200: Type.obj({ items: Type.arr(policyItem), next_cursor: Type.nstr }), ...guardedErrors },
    },
  }, async () => ({ items: await slaPolicies(db), next_cursor: null }));

  app.put<{ Body: { policies: { severity: string; criticality?: string; days: number | null }[] } }>('/api/v1/sla/policies', {
    config: { policy: 'admin' },
    schema: {
      summary: 'Replace the SLA policies (a * row per severity required); due dates of open findings follow at once',
      tags: ['triage'],
      body: {
        type: 'object', additionalProperties: false, required: ['policies'],
        properties: {
          csrf: { type: 'string', maxLength: 256 },
          policies: { type: 'array', maxItems: 500, items: { type: 'object', additionalProperties: false, required: ['severity', 'days'], properties: {
            severity: { type: 'string', enum: [...SEVERITIES] }, criticality: { type: 'string', minLength: 1, maxLength: 64, default: '*' },
            days: { type: ['integer', 'null'], minimum: 1, maximum: MAX_SLA_DAYS } } } },
        },
      },
      response: { 200: Type.obj({ policies: Type.int, findings_updated: Type.int }), ...guardedErrors, 409: errorSchema },
    },
  }, async (req) => {
    const v = validatePolicies(req.body.policies);
    if (!v.ok) throw new MothershipError('BAD_INPUT', v.error);
    return replaceSlaPolicies(db, v.value, req.principal!.name);
  });
}
