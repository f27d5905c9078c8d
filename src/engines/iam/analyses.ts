import type { FindingInput, Severity } from '../../model/index.js';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { ALL_RESOURCES, mayBeAllowed } from './evaluate/index.js';
import type { HarmfulCategory } from './harmful-permissions.js';
import type { Escalation } from './model/escalation.js';
import type { IamModel } from './model/iam-model.js';
import type { IamPrincipal } from './model/principals.js';

export const RULES = {
  admin: 'iam.admin-equivalent',
  escalation: 'iam.privilege-escalation',
  harmful: 'iam.harmful-permission',
  externalTrust: 'iam.external-trust',
  unusedRole: 'iam.unused-role',
} as const;

function finding(ruleId: string, asset: string, detail: string | undefined, f: { title: string; description: string; severity: Severity; evidence: Record<string, unknown>; remediation: string }): FindingInput {
  return {
    fingerprint: ruleFingerprint('iam', ruleId, asset, detail),
    kind: 'iam',
    ruleId,
    assetUid: asset,
    originalId: ruleId,
    properties: detail ? { detail } : {},
    ...f,
  };
}

const unresolved = (p: IamPrincipal) => (p.unresolved.length > 0 ? { notEvaluated: p.unresolved } : {});

export function adminFindings(model: IamModel, p: IamPrincipal): FindingInput[] {
  const v = model.adminEquivalent(p.arn);
  if (!v.admin) return [];
  return [finding(RULES.admin, p.arn, undefined, {
    title: `${p.kind === 'user' ? 'User' : 'Role'} ${p.name} is admin-equivalent`,
    description: 'The principal can perform every action on every resource, or can grant itself any permission. Its credentials are a full account compromise.',
    severity: 'high',
    evidence: { reasons: v.reasons, ...unresolved(p) },
    remediation: 'Grant least privilege: replace wildcard policies with the actions the workload uses, and remove its ability to modify its own policies (or add a permissions boundary).',
  })];
}

/** The method without the resource it was used on: `UpdateFunctionCode:arn:...` is `UpdateFunctionCode`. */
export const methodName = (method: string): string => method.split(':arn:')[0]!;

/**
 * One finding per principal and method: a method usable against many targets (PassRole to any Lambda role)
 * names the strongest (admin-equivalent first, then certain over conditional, then most actions) and counts the rest.
 */
export function escalationFindings(model: IamModel, p: IamPrincipal): FindingInput[] {
  const byMethod = new Map<string, Escalation[]>();
  for (const e of model.escalations(p.arn)) {
    const name = methodName(e.method);
    const list = byMethod.get(name);
    if (list) list.push(e);
    else byMethod.set(name, [e]);
  }
  const rank = (e: Escalation) => (e.targetAdmin ? 2e9 : 0) + (e.verdict === 'allow' ? 1e9 : 0) + model.actionCount(e.target);
  return [...byMethod].map(([method, list]) => {
    let e = list[0]!;
    let best = rank(e);
    // Ties go to the smallest target and method: the choice is part of the fingerprint, so it must not
    // depend on the order escalations were found in (an unchanged account would flap between targets).
    for (const x of list) {
      const r = rank(x);
      if (r > best || (r === best && (x.target < e.target || (x.target === e.target && x.method < e.method)))) [e, best] = [x, r];
    }
    const self = e.target === p.arn;
    const detail = self ? method : `${method} -> ${e.target}`;
    return finding(RULES.escalation, p.arn, detail, {
      title: `${p.name} can escalate privileges via ${method}${self ? '' : ` to ${e.target.split('/').pop()}`}`,
      description: `${p.arn} can use ${e.method} to act with the permissions of ${self ? 'an expanded version of itself' : e.target}, which are stronger than its own${e.targetAdmin ? ' (admin-equivalent)' : ''}.`,
      severity: e.targetAdmin ? 'critical' : 'high',
      evidence: {
        method: e.method, target: e.target, targetAdmin: e.targetAdmin, verdict: e.verdict, steps: e.steps,
        ...(list.length > 1 ? { otherTargets: list.length - 1 } : {}),
      },
      remediation: 'Remove the permissions the steps use, scope them to resources that cannot lead to stronger principals, or deny them with a permissions boundary or SCP.',
    });
  });
}

export function harmfulFindings(model: IamModel, p: IamPrincipal, catalogue: readonly HarmfulCategory[]): FindingInput[] {
  const all = model.strength(p.arn).allResources;
  const out: FindingInput[] = [];
  for (const c of catalogue) {
    const actions = c.actions.filter((a) => {
      const i = model.catalogue.indexOf(a);
      return i !== undefined ? all.has(i) : mayBeAllowed(model.decide(p, a, ALL_RESOURCES));
    });
    if (actions.length === 0) continue;
    out.push(finding(RULES.harmful, p.arn, c.id, {
      title: `${p.name} ${c.title}`,
      description: `Allowed on every resource: ${actions.join(', ')}.`,
      severity: c.severity,
      evidence: { category: c.id, actions, resource: '*' },
      remediation: 'Scope these actions to the specific resources the principal needs, or remove them.',
    }));
  }
  return out;
}

/** Condition keys that tie a trust to a known party: an external id, the organization, the calling source. */
const RESTRICTING_KEYS = new Set(['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:principalarn', 'aws:principalaccount']);

export function externalTrustFindings(model: IamModel, role: IamPrincipal): FindingInput[] {
  if (role.kind !== 'role' || !role.trust) return [];
  const out = new Map<string, FindingInput>();
  for (const s of role.trust.statements) {
    if (s.effect !== 'Allow' || !['sts:assumerole', 'sts:assumerolewithwebidentity', 'sts:assumerolewithsaml'].some((a) => s.matchesAction(a))) continue;
    if (s.condition?.unsatisfiable) continue;
    const keys = new Set((s.condition?.clauses ?? []).filter((c) => c.spec && !c.spec.negated && c.spec.family !== 'null').map((c) => c.key.toLowerCase()));
    const restricted = [...keys].some((k) => RESTRICTING_KEYS.has(k));
    for (const name of s.notPrincipal ? ['*'] : s.principalNames) {
      const value = name.replace(/^AWS:/, '');
      let why: string | null = null;
      let severity: Severity = 'high';
      if (value === '*') {
        if (!restricted) [why, severity] = ['anyone (Principal "*") may assume the role', 'critical'];
      } else if (name.startsWith('Federated:')) {
        const provider = value.replace(/^Federated:/, '');
        const host = provider.replace(/^arn:[^:]+:iam::\d{12}:(oidc|saml)-provider\//, '');
        const saml = provider.includes(':saml-provider/');
        const needed = saml ? ['saml:aud'] : [`${host}:aud`.toLowerCase(), `${host}:sub`.toLowerCase()];
        const missing = needed.filter((k) => !keys.has(k));
        if (!saml && missing.length > 0 && !keys.has(`${host}:sub`.toLowerCase())) why = `web identity provider ${host} without a ${missing.join(' / ')} condition`;
        else if (saml && missing.length > 0) why = `SAML provider ${host} without a SAML:aud condition`;
      } else if (!name.startsWith('Service:')) {
        const account = /^\d{12}$/.test(value) ? value : /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(value)?.[1];
        if (account && !model.iam.accounts.has(account) && !restricted) why = `account ${account}, outside the known accounts, may assume the role without an sts:ExternalId or organization condition`;
      }
      if (!why || out.has(name)) continue;
      out.set(name, finding(RULES.externalTrust, role.arn, name, {
        title: `Role ${role.name} trusts ${value === '*' ? 'anyone' : value.split(':').pop()} without a restricting condition`,
        description: `The trust policy lets ${why}.`,
        severity,
        evidence: { principal: name, statement: s.source, conditionKeys: [...keys].sort() },
        remediation: 'Name the exact external principals and require sts:ExternalId (third parties), aws:PrincipalOrgID (your organization), or aud/sub conditions (web identity).',
      }));
    }
  }
  return [...out.values()];
}

const DAY = 86_400_000;

export function unusedRoleFindings(role: IamPrincipal, now: Date, days: number): FindingInput[] {
  // Only when the collector read RoleLastUsed; service-linked roles are AWS's to manage.
  if (role.kind !== 'role' || !role.lastUsedCollected || role.arn.includes(':role/aws-service-role/')) return [];
  const since = role.lastUsed ?? role.created;
  if (!since || now.getTime() - since.getTime() < days * DAY) return [];
  // The content names dates, never the idle time: a count of days would change the finding on every run
  // that crosses a day boundary of its last use, with nothing changed in the account.
  return [finding(RULES.unusedRole, role.arn, undefined, {
    title: `Role ${role.name} not used in over ${days} days`,
    description: role.lastUsed ? `Last used ${role.lastUsed.toISOString().slice(0, 10)}.` : `Never used since its creation on ${role.created!.toISOString().slice(0, 10)}.`,
    severity: 'low',
    evidence: { lastUsed: role.lastUsed?.toISOString() ?? null, created: role.created?.toISOString() ?? null, thresholdDays: days },
    remediation: 'Delete the role if nothing needs it; unused roles keep standing access for whoever can assume them.',
  })];
}
