import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { MANUAL_TRIAGE_STATES, mayTriage, validateTriage, type ValidTriage } from '../../findings/triage.js';
import { ACCEPTANCE_FACTS, type AcceptanceFact } from '../../findings/acceptance.js';
import { addComment, assignFinding, findingHistory, MAX_BULK, MAX_COMMENT, setTriage } from '../../pipeline/triage.js';
import { requestScope } from '../auth/scope.js';
import type { Principal } from '../auth/principal.js';
import { errorSchema, guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';

/**
 * The alert center's writes: triage state, bulk triage, comments, assignment, and a finding's history.
 * Policy 'write' keeps viewers out; scoping keeps members to their tenant's findings (others are 404,
 * like unknown ids); risk_accepted and false_positive need the security team (analyst, admin): see
 * docs/triage.md.
 */
const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;
/** Session clients may send the CSRF token in the body instead of x-csrf-token; it must survive validation. */
const csrf = { type: 'string', maxLength: 256 } as const;

const triageFields = {
  state: { type: 'string', enum: [...MANUAL_TRIAGE_STATES, 'suppressed', 'resolved', 'open'], description: 'none, acknowledged, in_progress, risk_accepted (reason and expires_at required) or false_positive (reason required)' },
  reason: { type: ['string', 'null'], maxLength: 4000 },
  expires_at: { type: ['string', 'null'], format: 'date-time', description: 'risk_accepted: when the acceptance ends (at most 366 days ahead)' },
  facts: { type: 'array', items: { type: 'string', enum: [...ACCEPTANCE_FACTS] }, maxItems: ACCEPTANCE_FACTS.length, uniqueItems: true,
    description: 'risk_accepted: the facts the acceptance relies on (default: every one that holds now); a flip revokes it' },
  csrf,
} as const;

interface TriageBody { state: string; reason?: string | null; expires_at?: string | null; facts?: AcceptanceFact[] }

const factCheck = Type.obj({ fact: Type.str, holds: Type.bool, text: Type.str });
const acceptanceRecord = Type.nobj({ checked_at: Type.str, severity: Type.str, epss_threshold: Type.num, facts: Type.arr(factCheck), relied_on: Type.arr(Type.str) });
const triageSnapshot = Type.obj({
  state: Type.str, status: Type.str, reason: Type.nstr, expires_at: Type.ndate, by: Type.nstr, at: Type.ndate, facts: acceptanceRecord,
  assignee: Type.nstr, suppression_id: { type: ['integer', 'null'] }, due_at: Type.ndate, sla: Type.str,
});
const triageResult = Type.obj({
  updated: Type.arr(Type.int), unchanged: Type.arr(Type.int), not_found: Type.arr(Type.int),
  facts: { type: 'object', additionalProperties: acceptanceRecord },
});

/** A refusal by role that the route policy could not express; answered 403 FORBIDDEN like the policy's own. */
export class Forbidden extends Error {}

export function sendForbidden(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof Forbidden) return reply.status(403).send({ error: 'FORBIDDEN', message: err.message });
  throw err;
}

function principalOf(req: FastifyRequest): Principal {
  // The 'write'/'read' policies ran before the handler: a principal is there.
  return req.principal!;
}

/** Validates a requested change and the caller's right to make it. */
export function checkTriage(principal: Principal, body: TriageBody, now = new Date()): ValidTriage {
  const v = validateTriage({ state: body.state, reason: body.reason, expiresAt: body.expires_at ? new Date(body.expires_at) : null }, now);
  if (!v.ok) throw new MothershipError('BAD_INPUT', v.error);
  if (body.facts && v.value.state !== 'risk_accepted') throw new MothershipError('BAD_INPUT', 'facts apply to risk_accepted only');
  if (!mayTriage(principal.role, v.value.state)) throw new Forbidden(`${principal.role} may not set ${v.value.state}: it needs an analyst or admin`);
  return v.value;
}

export function registerTriageRoutes(app: FastifyInstance, db: Db): void {
  app.post<{ Params: { id: number }; Body: TriageBody }>('/api/v1/findings/:id/triage', {
    config: { policy: 'write' },
    schema: {
      summary: 'Set a finding\'s triage state; a risk acceptance records the facts it relies on and is revoked when one flips',
      tags: ['triage'],
      params: idParams,
      body: { type: 'object', properties: triageFields, required: ['state'], additionalProperties: false },
      response: { 200: Type.obj({ id: Type.int, changed: Type.bool, triage: triageSnapshot }), ...guardedErrors, 404: errorSchema, 409: errorSchema },
    },
  }, async (req, reply) => {
    let change: ValidTriage;
    try { change = checkTriage(principalOf(req), req.body); } catch (e) { return sendForbidden(reply, e); }
    const scope = await requestScope(db, req);
    const r = await setTriage(db, scope, [req.params.id], change, principalOf(req).name, { relyOn: req.body.facts });
    if (r.not_found.length) throw new MothershipError('NOT_FOUND', `finding ${req.params.id}: not found`);
    const h = await findingHistory(db, scope, req.params.id);
    return { id: req.params.id, changed: r.updated.length > 0, triage: h!.triage };
  });

  app.post<{ Body: TriageBody & { ids: number[] } }>('/api/v1/findings/triage', {
    config: { policy: 'write' },
    schema: {
      summary: `Bulk triage: one state for up to ${MAX_BULK} findings (ids outside your tenant are reported as not_found)`,
      tags: ['triage'],
      body: { type: 'object', properties: { ids: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1, maxItems: MAX_BULK }, ...triageFields },
        required: ['ids', 'state'], additionalProperties: false },
      response: { 200: triageResult, ...guardedErrors, 409: errorSchema },
    },
  }, async (req, reply) => {
    let change: ValidTriage;
    try { change = checkTriage(principalOf(req), req.body); } catch (e) { return sendForbidden(reply, e); }
    const scope = await requestScope(db, req);
    return setTriage(db, scope, req.body.ids, change, principalOf(req).name, { relyOn: req.body.facts });
  });

  app.post<{ Params: { id: number }; Body: { text: string } }>('/api/v1/findings/:id/comments', {
    config: { policy: 'write' },
    schema: {
      summary: 'Comment on a finding (kept in its history)',
      tags: ['triage'],
      params: idParams,
      body: { type: 'object', properties: { text: { type: 'string', minLength: 1, maxLength: MAX_COMMENT }, csrf }, required: ['text'], additionalProperties: false },
      response: { 200: Type.obj({ id: Type.int, at: Type.date }), ...guardedErrors, 404: errorSchema },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    return addComment(db, scope, req.params.id, req.body.text, principalOf(req).name);
  });

  app.post<{ Params: { id: number }; Body: { assignee: string | null } }>('/api/v1/findings/:id/assign', {
    config: { policy: 'write' },
    schema: {
      summary: 'Assign a finding to someone (null unassigns)',
      tags: ['triage'],
      params: idParams,
      body: { type: 'object', properties: { assignee: { type: ['string', 'null'], maxLength: 200 }, csrf }, required: ['assignee'], additionalProperties: false },
      response: { 200: Type.obj({ id: Type.int, assignee: Type.nstr, changed: Type.bool }), ...guardedErrors, 404: errorSchema },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const r = await assignFinding(db, scope, req.params.id, req.body.assignee, principalOf(req).name);
    return { id: req.params.id, ...r };
  });

  app.get<{ Params: { id: number } }>('/api/v1/findings/:id/history', {
    config: { policy: 'read' },
    schema: {
      summary: 'A finding\'s history (detection, triage, comments, assignment; who and when) and its current triage and SLA',
      tags: ['triage'],
      params: idParams,
      response: {
        200: Type.obj({
          items: Type.arr(Type.obj({ id: Type.int, at: Type.date, type: Type.str, run_id: { type: ['integer', 'null'] }, actor: Type.nstr, details: Type.obj({}) })),
          triage: triageSnapshot,
        }),
        ...guardedErrors, 404: errorSchema,
      },
    },
  }, async (req) => {
    const scope = await requestScope(db, req);
    const h = await findingHistory(db, scope, req.params.id);
    if (!h) throw new MothershipError('NOT_FOUND', `finding ${req.params.id}: not found`);
    return h;
  });
}
