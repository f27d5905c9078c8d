import { arnAccount } from './arn.js';
import type { RequestContext } from './context.js';
import { principalOf, statementApplies, type CompiledPolicy } from './policy.js';
import type { RequestPrincipal } from './principal.js';
import { triAnd, triNot, triOr, type Tri } from './tri.js';

/** Every policy that takes part in one principal's request. */
export interface PolicySet {
  /** Identity-based policies: inline, attached managed (default version), and for users their groups'. */
  identity: readonly CompiledPolicy[];
  /** The permissions boundary, when one is set: it caps identity permissions, it never grants. */
  boundary: CompiledPolicy | null;
  /**
   * Service control policies, one list per level from the organization root down to the account; every level
   * must allow. Empty when no SCPs were collected (then they are taken to allow everything).
   */
  scps: readonly (readonly CompiledPolicy[])[];
  /** The resource-based policy of the resource (a bucket policy, a role's trust policy), when it has one. */
  resource: CompiledPolicy | null;
}

export interface EvaluationRequest {
  principal: RequestPrincipal;
  action: string;
  /** A resource ARN, or ALL_RESOURCES to ask about every resource at once. */
  resource: string;
  /** The account owning the resource; taken from its ARN when left out (same account when the ARN has none). */
  resourceAccount?: string;
  context: RequestContext;
}

export type Verdict = 'allow' | 'deny' | 'conditional';

export interface Decision {
  /** `conditional`: allowed in some request contexts, not in others, as far as we know them. */
  verdict: Verdict;
  /** Why: the first applying explicit deny, or the layer that did not allow. */
  reason: 'explicit-deny' | 'scp' | 'no-allow' | 'boundary' | 'cross-account' | 'allowed';
  /** Statements that allowed (or may allow) the request, by `<policy>#<sid or index>`. */
  allowedBy: string[];
  /** Statements that deny (or may deny) it. */
  deniedBy: string[];
}

const toVerdict = (t: Tri): Verdict => (t === 'T' ? 'allow' : t === 'F' ? 'deny' : 'conditional');

/**
 * The AWS policy evaluation logic for one request, in three-valued logic (see tri.ts):
 * an explicit Deny in any policy wins; every SCP level must allow; within the account the identity policies
 * (capped by the boundary) OR the resource policy naming the principal allow; across accounts both must.
 * A resource policy that names the principal's account (not the principal) delegates to identity policies.
 * Same-account resource-policy grants to a role ARN are capped by the role's boundary; to a user they are not.
 */
export function evaluate(set: PolicySet, req: EvaluationRequest): Decision {
  const action = req.action.toLowerCase();
  const { context: ctx, principal } = req;
  const allowedBy: string[] = [];
  const deniedBy: string[] = [];
  // Held in an object: the scans below update it from a closure.
  const denied = { any: 'F' as Tri };

  /** OR of the Allow statements of some policies; Deny statements feed `deny` on the way. */
  const scan = (policies: readonly CompiledPolicy[], withPrincipal: boolean, want: 'direct' | 'account' | 'any' = 'any'): Tri => {
    let allow: Tri = 'F';
    for (const p of policies) {
      for (const s of p.statements) {
        if (!s.matchesAction(action)) continue;
        let who: 'direct' | 'account' | null = 'direct';
        if (withPrincipal) {
          who = principalOf(s, principal);
          if (who === null) continue;
        }
        const applies = statementApplies(s, action, req.resource, ctx);
        if (applies === 'F') continue;
        if (s.effect === 'Deny') {
          denied.any = triOr(denied.any, applies);
          deniedBy.push(s.source);
        } else if (want === 'any' || want === who) {
          allow = triOr(allow, applies);
          allowedBy.push(s.source);
        }
      }
    }
    return allow;
  };

  let scp: Tri = 'T';
  for (const level of req.principal.type === 'service' ? [] : set.scps) scp = triAnd(scp, scan(level, false));
  const identity = scan(set.identity, false);
  const boundary: Tri = set.boundary ? scan([set.boundary], false) : 'T';
  const resourcePolicies = set.resource ? [set.resource] : [];
  const direct = scan(resourcePolicies, true, 'direct');
  const viaAccount = resourcePolicies.length > 0 ? scan(resourcePolicies, true, 'account') : 'F';

  const resourceAccount = req.resourceAccount ?? arnAccount(req.resource);
  // Services and federated identities have no identity policies: the resource policy alone decides for them.
  const sameAccount = resourceAccount === '' || resourceAccount === principal.account || principal.type === 'service' || principal.type === 'federated';
  const capped = triAnd(identity, boundary);
  const granted = sameAccount
    ? triOr(capped, principal.type === 'role' ? triAnd(direct, boundary) : direct)
    : triAnd(capped, triOr(direct, viaAccount));
  const deny = denied.any;
  const allowed = triAnd(triAnd(triNot(deny), scp), granted);

  let reason: Decision['reason'] = 'allowed';
  if (allowed !== 'T') {
    if (deny === 'T') reason = 'explicit-deny';
    else if (scp === 'F') reason = 'scp';
    else if (!sameAccount && capped !== 'F') reason = 'cross-account';
    else if (identity !== 'F' && boundary === 'F' && direct === 'F') reason = 'boundary';
    else if (allowed === 'F') reason = 'no-allow';
  }
  return { verdict: toVerdict(allowed), reason, allowedBy, deniedBy };
}

/** The reachability question: may this be allowed in some context we cannot rule out? */
export const mayBeAllowed = (d: Decision): boolean => d.verdict !== 'deny';
/** The strict question: allowed whatever the unknown parts of the context are. */
export const certainlyAllowed = (d: Decision): boolean => d.verdict === 'allow';
