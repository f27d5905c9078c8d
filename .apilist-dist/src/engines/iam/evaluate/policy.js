import { z } from 'zod';
import { ALL_RESOURCES, arnMatcher } from './arn.js';
import { compileCondition } from './conditions.js';
import { globMatcher } from './glob.js';
import { compilePrincipal } from './principal.js';
import { tri, triAnd } from './tri.js';
import { hasVariables, substitute } from './variables.js';
const StringOrList = z.union([z.string(), z.array(z.string())]);
const Statement = z.looseObject({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Action: StringOrList.optional(),
    NotAction: StringOrList.optional(),
    Resource: StringOrList.optional(),
    NotResource: StringOrList.optional(),
    Principal: z.unknown().optional(),
    NotPrincipal: z.unknown().optional(),
    Condition: z.record(z.string(), z.unknown()).optional(),
});
const PolicyDocument = z.looseObject({ Statement: z.union([z.array(z.unknown()), z.unknown()]).optional() });
const listOf = (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
function anyOf(matchers) {
    if (matchers.length === 1)
        return matchers[0];
    return (v) => {
        for (const m of matchers)
            if (m(v))
                return true;
        return false;
    };
}
function resourceTest(patterns) {
    const fixed = anyOf(patterns.filter((p) => !hasVariables(p)).map(arnMatcher));
    const templated = patterns.filter(hasVariables);
    if (templated.length === 0)
        return (r) => tri(fixed(r));
    // A context is immutable and one principal's is tested against many resources: substitute once per context.
    const substituted = new WeakMap();
    const forContext = (ctx) => {
        let list = substituted.get(ctx);
        if (!list) {
            list = templated.map((t) => {
                const s = substitute(t, ctx);
                return { s, match: arnMatcher(s.text) };
            });
            substituted.set(ctx, list);
        }
        return list;
    };
    return (resource, ctx) => {
        if (fixed(resource))
            return 'T';
        let result = 'F';
        for (const { s, match } of forContext(ctx)) {
            if (s.absent || !match(resource))
                continue;
            if (!s.unknown)
                return 'T';
            result = 'U';
        }
        return result;
    };
}
function compileStatement(raw, source) {
    const notAction = raw.NotAction !== undefined;
    const actionPatterns = listOf(notAction ? raw.NotAction : raw.Action).map((a) => a.toLowerCase());
    const actionMatch = anyOf(actionPatterns.map((p) => globMatcher(p, false)));
    const notResource = raw.NotResource !== undefined;
    const hasResource = notResource || raw.Resource !== undefined;
    const resourcePatterns = hasResource ? listOf(notResource ? raw.NotResource : raw.Resource) : null;
    const resources = resourcePatterns ? resourceTest(resourcePatterns) : null;
    const notPrincipal = raw.NotPrincipal !== undefined;
    const principalElement = notPrincipal ? raw.NotPrincipal : raw.Principal;
    return {
        source,
        sid: raw.Sid ?? null,
        effect: raw.Effect,
        actionPatterns,
        notAction,
        resourcePatterns,
        notResource,
        condition: compileCondition(raw.Condition),
        principal: principalElement === undefined ? null : compilePrincipal(principalElement),
        notPrincipal,
        principalNames: principalNames(principalElement),
        matchesAction: actionPatterns.length === 0 ? () => notAction : notAction ? (a) => !actionMatch(a) : actionMatch,
        matchesResource: !resources
            ? () => 'T'
            : notResource
                ? (r, ctx) => {
                    // NotResource with ALL_RESOURCES: "every resource" is never entirely excluded by a list of ARNs.
                    const m = resources(r, ctx);
                    return r === ALL_RESOURCES && !resourcePatterns.includes('*') ? 'T' : m === 'T' ? 'F' : m === 'F' ? 'T' : 'U';
                }
                : resources,
    };
}
function principalNames(element) {
    if (element === undefined)
        return [];
    if (typeof element === 'string')
        return [element];
    if (typeof element !== 'object' || element === null)
        return [];
    return Object.entries(element).flatMap(([type, v]) => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string').map((x) => `${type}:${x}`));
}
/**
 * Parses and compiles a policy document once. A document that is not an object, or a statement we cannot
 * read, is reported in `problems` rather than guessed at.
 */
export function compilePolicy(id, document) {
    const doc = PolicyDocument.safeParse(document);
    if (!doc.success)
        return { id, statements: [], problems: [`${id}: not a policy document`] };
    const raw = doc.data.Statement;
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const statements = [];
    const problems = [];
    list.forEach((s, i) => {
        const parsed = Statement.safeParse(s);
        if (parsed.success)
            statements.push(compileStatement(parsed.data, `${id}#${parsed.data.Sid ?? i}`));
        else
            problems.push(`${id}: statement ${i}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
    });
    return { id, statements, problems };
}
/** Whether a statement's Principal / NotPrincipal element covers the requester. */
export function principalOf(s, p) {
    if (!s.principal)
        return 'direct';
    const m = s.principal(p);
    if (!s.notPrincipal)
        return m;
    return m === null ? 'direct' : null;
}
/** Whether a statement applies to a request (principal aside): action, resource, then condition. */
export function statementApplies(s, actionLower, resource, ctx) {
    if (!s.matchesAction(actionLower))
        return 'F';
    const r = s.matchesResource(resource, ctx);
    if (r === 'F')
        return 'F';
    return s.condition ? triAnd(r, s.condition.test(ctx)) : r;
}
//# sourceMappingURL=policy.js.map