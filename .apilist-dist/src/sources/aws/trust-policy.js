import { z } from 'zod';
import { parseShape } from './call-result.js';
import { accountRootArn } from './identifiers.js';
const StringOrList = z.union([z.string(), z.array(z.string())]);
const Statement = z.looseObject({
    Effect: z.string(),
    Principal: z.union([z.string(), z.record(z.string(), StringOrList)]).optional(),
    Action: StringOrList.optional(),
    Condition: z.record(z.string(), z.unknown()).optional(),
});
const TrustPolicy = z.looseObject({ Statement: z.union([Statement, z.array(Statement)]).optional() });
const ASSUME_ACTIONS = ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity'];
function list(v) {
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}
/** IAM action patterns are case-insensitive globs (`sts:*`, `*`, `sts:AssumeRole*`). */
function grantsAssume(actions) {
    return actions.some((pattern) => {
        const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        return ASSUME_ACTIONS.some((a) => re.test(a));
    });
}
/** The uid a principal entry points at, so `can_assume` edges join the assets table. */
function principalUid(type, value, partition) {
    if (value === '*')
        return '*';
    switch (type) {
        case 'AWS': return /^\d{12}$/.test(value) ? accountRootArn(partition, value) : value;
        case 'Service': return `service:${value}`;
        case 'Federated': return value.startsWith('arn:') ? value : `federated:${value}`;
        case 'CanonicalUser': return `canonical-user:${value}`;
        default: return `${type.toLowerCase()}:${value}`;
    }
}
/**
 * The principals a role's trust policy allows to assume it (Allow statements with an sts:AssumeRole*
 * action). Deny statements and conditions are not evaluated here: conditions travel on the edge for the
 * IAM engine to judge.
 */
export function trustedPrincipals(document, partition, where, field) {
    const policy = parseShape(TrustPolicy, document, where, field);
    const statements = policy.Statement === undefined ? [] : Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
    const byPrincipal = new Map();
    for (const s of statements) {
        const actions = list(s.Action);
        if (s.Effect !== 'Allow' || s.Principal === undefined || !grantsAssume(actions))
            continue;
        const entries = typeof s.Principal === 'string'
            ? [['AWS', s.Principal]]
            : Object.entries(s.Principal).flatMap(([type, values]) => list(values).map((v) => [type, v]));
        for (const [type, value] of entries) {
            const principal = principalUid(type, value, partition);
            const entry = byPrincipal.get(principal) ?? { principal, actions: [], unconditional: false, conditions: [] };
            for (const a of actions)
                if (!entry.actions.includes(a))
                    entry.actions.push(a);
            if (s.Condition)
                entry.conditions.push(s.Condition);
            else
                entry.unconditional = true;
            byPrincipal.set(principal, entry);
        }
    }
    return [...byPrincipal.values()].map((e) => ({ ...e, actions: e.actions.sort() }));
}
//# sourceMappingURL=trust-policy.js.map