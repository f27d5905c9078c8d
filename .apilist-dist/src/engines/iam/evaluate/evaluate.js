import { arnAccount } from './arn.js';
import { principalOf, statementApplies } from './policy.js';
import { triAnd, triNot, triOr } from './tri.js';
const toVerdict = (t) => (t === 'T' ? 'allow' : t === 'F' ? 'deny' : 'conditional');
/**
 * The AWS policy evaluation logic for one request, in three-valued logic (see tri.ts):
 * an explicit Deny in any policy wins; every SCP level must allow; within the account the identity policies
 * (capped by the boundary) OR the resource policy naming the principal allow; across accounts both must.
 * A resource policy that names the principal's account (not the principal) delegates to identity policies.
 * Same-account resource-policy grants to a role ARN are capped by the role's boundary; to a user they are not.
 */
export function evaluate(set, req) {
    const action = req.action.toLowerCase();
    const { context: ctx, principal } = req;
    const allowedBy = [];
    const deniedBy = [];
    // Held in an object: the scans below update it from a closure.
    const denied = { any: 'F' };
    /** OR of the Allow statements of some policies; Deny statements feed `deny` on the way. */
    const scan = (policies, withPrincipal, want = 'any') => {
        let allow = 'F';
        for (const p of policies) {
            for (const s of p.statements) {
                if (!s.matchesAction(action))
                    continue;
                let who = 'direct';
                if (withPrincipal) {
                    who = principalOf(s, principal);
                    if (who === null)
                        continue;
                }
                const applies = statementApplies(s, action, req.resource, ctx);
                if (applies === 'F')
                    continue;
                if (s.effect === 'Deny') {
                    denied.any = triOr(denied.any, applies);
                    deniedBy.push(s.source);
                }
                else if (want === 'any' || want === who) {
                    allow = triOr(allow, applies);
                    allowedBy.push(s.source);
                }
            }
        }
        return allow;
    };
    let scp = 'T';
    for (const level of req.principal.type === 'service' ? [] : set.scps)
        scp = triAnd(scp, scan(level, false));
    const identity = scan(set.identity, false);
    const boundary = set.boundary ? scan([set.boundary], false) : 'T';
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
    let reason = 'allowed';
    if (allowed !== 'T') {
        if (deny === 'T')
            reason = 'explicit-deny';
        else if (scp === 'F')
            reason = 'scp';
        else if (!sameAccount && capped !== 'F')
            reason = 'cross-account';
        else if (identity !== 'F' && boundary === 'F' && direct === 'F')
            reason = 'boundary';
        else if (allowed === 'F')
            reason = 'no-allow';
    }
    return { verdict: toVerdict(allowed), reason, allowedBy, deniedBy };
}
/** The reachability question: may this be allowed in some context we cannot rule out? */
export const mayBeAllowed = (d) => d.verdict !== 'deny';
/** The strict question: allowed whatever the unknown parts of the context are. */
export const certainlyAllowed = (d) => d.verdict === 'allow';
//# sourceMappingURL=evaluate.js.map