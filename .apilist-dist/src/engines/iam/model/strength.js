import { ActionSet } from '../catalogue.js';
import { ALL_RESOURCES, lookupKey, variableKeys } from '../evaluate/index.js';
/**
 * The allowed action sets of a policy set, for the principal's known context: Allow statements count unless
 * their condition is false for that context (reachability); Deny statements subtract only when they apply
 * to every resource and their condition certainly holds. Resource policies are not part of it: strength is
 * what the principal's own policies give it everywhere.
 */
export function strengthOf(set, ctx, catalogue) {
    const allows = (policies) => {
        const any = new Uint32Array(catalogue.all().words.length);
        const all = new Uint32Array(any.length);
        for (const p of policies) {
            for (const s of p.statements) {
                if (s.effect !== 'Allow' || (s.condition && s.condition.test(ctx) === 'F'))
                    continue;
                const actions = catalogue.expandAll(s.actionPatterns, s.notAction).words;
                const everywhere = s.matchesResource(ALL_RESOURCES, ctx) !== 'F';
                for (let i = 0; i < any.length; i++) {
                    any[i] |= actions[i];
                    if (everywhere)
                        all[i] |= actions[i];
                }
            }
        }
        return { any: new ActionSet(any), all: new ActionSet(all) };
    };
    const identity = allows(set.identity);
    const anyResource = identity.any;
    const allResources = identity.all;
    const caps = [...(set.boundary ? [[set.boundary]] : []), ...set.scps];
    for (const cap of caps) {
        const c = allows(cap);
        anyResource.and(c.any);
        allResources.and(c.all);
    }
    for (const p of [...set.identity, ...(set.boundary ? [set.boundary] : []), ...set.scps.flat()]) {
        for (const s of p.statements) {
            if (s.effect !== 'Deny' || (s.condition && s.condition.test(ctx) !== 'T') || s.matchesResource(ALL_RESOURCES, ctx) !== 'T')
                continue;
            const actions = catalogue.expandAll(s.actionPatterns, s.notAction);
            anyResource.andNot(actions);
            allResources.andNot(actions);
        }
    }
    return {
        anyResource,
        allResources,
        fullAccess: catalogue.all().subsetOf(allResources),
        iamFullAccess: catalogue.expand('iam:*').subsetOf(allResources),
    };
}
/**
 * The context keys a strength can depend on: condition keys and the variables of condition values and
 * resource patterns. Principals whose contexts agree on these (and share policies) share a strength.
 */
export function contextKeysOf(policies) {
    const keys = new Set();
    for (const p of policies) {
        for (const s of p.statements) {
            for (const c of s.condition?.clauses ?? []) {
                keys.add(c.key.toLowerCase());
                for (const v of c.values)
                    for (const k of variableKeys(v))
                        keys.add(k);
            }
            for (const r of s.resourcePatterns ?? [])
                for (const k of variableKeys(r))
                    keys.add(k);
        }
    }
    return [...keys].sort();
}
/** What a context says about some keys, as a string: equal strings, equal lookups. */
export function contextSignature(ctx, keys, extra) {
    return keys.map((k) => {
        // Extra request values (lowercased keys) override the principal's, as the merged context of a request does.
        const given = extra?.get(k);
        const found = given ? { kind: 'values', values: given } : lookupKey(ctx, k);
        return found.kind === 'values' ? `v${JSON.stringify(found.values)}` : found.kind;
    }).join('\n');
}
//# sourceMappingURL=strength.js.map