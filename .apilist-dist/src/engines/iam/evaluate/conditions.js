import { arnMatcher } from './arn.js';
import { lookupKey } from './context.js';
import { globMatcher } from './glob.js';
import { parseCidr } from './ip.js';
import { tri, triAnd, triOr } from './tri.js';
import { hasVariables, substitute } from './variables.js';
const OPERATORS = {
    stringequals: { family: 'string', negated: false, compare: 'eq' },
    stringnotequals: { family: 'string', negated: true, compare: 'eq' },
    stringequalsignorecase: { family: 'string', negated: false, compare: 'eqi' },
    stringnotequalsignorecase: { family: 'string', negated: true, compare: 'eqi' },
    stringlike: { family: 'string', negated: false, compare: 'like' },
    stringnotlike: { family: 'string', negated: true, compare: 'like' },
    numericequals: { family: 'numeric', negated: false, compare: 'eq' },
    numericnotequals: { family: 'numeric', negated: true, compare: 'eq' },
    numericlessthan: { family: 'numeric', negated: false, compare: 'lt' },
    numericlessthanequals: { family: 'numeric', negated: false, compare: 'le' },
    numericgreaterthan: { family: 'numeric', negated: false, compare: 'gt' },
    numericgreaterthanequals: { family: 'numeric', negated: false, compare: 'ge' },
    dateequals: { family: 'date', negated: false, compare: 'eq' },
    datenotequals: { family: 'date', negated: true, compare: 'eq' },
    datelessthan: { family: 'date', negated: false, compare: 'lt' },
    datelessthanequals: { family: 'date', negated: false, compare: 'le' },
    dategreaterthan: { family: 'date', negated: false, compare: 'gt' },
    dategreaterthanequals: { family: 'date', negated: false, compare: 'ge' },
    bool: { family: 'bool', negated: false, compare: 'eq' },
    binaryequals: { family: 'binary', negated: false, compare: 'eq' },
    ipaddress: { family: 'ip', negated: false, compare: 'in' },
    notipaddress: { family: 'ip', negated: true, compare: 'in' },
    arnequals: { family: 'arn', negated: false, compare: 'like' },
    arnlike: { family: 'arn', negated: false, compare: 'like' },
    arnnotequals: { family: 'arn', negated: true, compare: 'like' },
    arnnotlike: { family: 'arn', negated: true, compare: 'like' },
    null: { family: 'null', negated: false, compare: 'null' },
};
/** Parses a number the way IAM accepts one; NaN when it is not. */
const toNumber = (s) => (/^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : NaN);
/** IAM dates are ISO 8601 or epoch seconds. */
function toDate(s) {
    if (/^\d+$/.test(s.trim()))
        return Number(s) * 1000;
    return /^\d{4}-\d{2}-\d{2}/.test(s.trim()) ? Date.parse(s) : NaN;
}
const ordered = (cmp, a, b) => cmp === 'eq' ? a === b : cmp === 'lt' ? a < b : cmp === 'le' ? a <= b : cmp === 'gt' ? a > b : a >= b;
/** The comparison of a context value with ONE condition value; null when the condition value is malformed. */
function valueTest(spec, conditionValue) {
    switch (spec.family) {
        case 'string':
            if (spec.compare === 'eqi') {
                const lower = conditionValue.toLowerCase();
                return (v) => v.toLowerCase() === lower;
            }
            if (spec.compare === 'like')
                return globMatcher(conditionValue, true);
            return (v) => v === conditionValue;
        case 'numeric': {
            const n = toNumber(conditionValue);
            return Number.isNaN(n) ? null : (v) => ordered(spec.compare, toNumber(v), n);
        }
        case 'date': {
            const d = toDate(conditionValue);
            return Number.isNaN(d) ? null : (v) => ordered(spec.compare, toDate(v), d);
        }
        case 'bool': {
            const b = conditionValue.toLowerCase();
            return b === 'true' || b === 'false' ? (v) => v.toLowerCase() === b : null;
        }
        case 'binary':
            return (v) => v === conditionValue;
        case 'ip':
            return parseCidr(conditionValue);
        case 'arn':
            return arnMatcher(conditionValue);
        case 'null':
            return null;
    }
}
function stringsOf(value) {
    const list = Array.isArray(value) ? value : [value];
    return list.filter((v) => v !== null && v !== undefined).map((v) => String(v));
}
function parseOperator(raw) {
    let rest = raw;
    let set = null;
    const lower = rest.toLowerCase();
    if (lower.startsWith('forallvalues:'))
        [set, rest] = ['all', rest.slice('forallvalues:'.length)];
    else if (lower.startsWith('foranyvalue:'))
        [set, rest] = ['any', rest.slice('foranyvalue:'.length)];
    let base = rest.toLowerCase();
    const ifExists = base.endsWith('ifexists') && base !== 'null';
    if (ifExists)
        base = base.slice(0, -'ifexists'.length);
    return { set, base, ifExists };
}
function compileClause(operator, key, rawValues) {
    const { set, base, ifExists } = parseOperator(operator);
    const spec = OPERATORS[base] ?? null;
    const values = stringsOf(rawValues);
    // Values without variables are compiled once; the rest per request, after substitution.
    const staticTests = spec ? values.map((v) => (hasVariables(v) ? undefined : valueTest(spec, v))) : [];
    /** Does any condition value match this context value? U when a variable in it is unknown. */
    const anyMatches = (ctx, v) => {
        let result = 'F';
        for (let i = 0; i < values.length; i++) {
            let test = staticTests[i];
            let unknown = false;
            if (test === undefined) {
                const s = substitute(values[i], ctx);
                if (s.absent)
                    continue;
                unknown = s.unknown;
                test = valueTest(spec, s.text);
            }
            if (!test || !test(v))
                continue;
            if (!unknown)
                return 'T';
            result = 'U';
        }
        return result;
    };
    const test = (ctx) => {
        if (!spec)
            return 'U'; // An operator IAM would reject; we neither grant nor deny on it.
        const found = lookupKey(ctx, key);
        if (spec.family === 'null') {
            if (found.kind === 'unknown')
                return 'U';
            const isAbsent = found.kind === 'absent' || found.values.length === 0;
            return tri(values.some((v) => (v.toLowerCase() === 'true') === isAbsent));
        }
        if (found.kind === 'unknown')
            return 'U';
        if (found.kind === 'absent' || found.values.length === 0) {
            if (ifExists || set === 'all')
                return 'T';
            if (set === 'any')
                return 'F';
            // A negated operator is satisfied by a missing key (AWS: "the condition is true").
            return tri(spec.negated);
        }
        const one = (v) => {
            const m = anyMatches(ctx, v);
            return spec.negated ? (m === 'T' ? 'F' : m === 'F' ? 'T' : 'U') : m;
        };
        let acc = set === 'all' ? 'T' : 'F';
        for (const v of found.values)
            acc = set === 'all' ? triAnd(acc, one(v)) : triOr(acc, one(v));
        return acc;
    };
    return { operator, key, values, set, ifExists, spec, test };
}
/** Compiles a statement's Condition object once. */
export function compileCondition(block) {
    if (!block || Object.keys(block).length === 0)
        return null;
    const clauses = [];
    for (const [operator, keys] of Object.entries(block)) {
        if (typeof keys !== 'object' || keys === null)
            continue;
        for (const [key, values] of Object.entries(keys))
            clauses.push(compileClause(operator, key, values));
    }
    const impossible = unsatisfiable(clauses);
    return {
        clauses,
        unsatisfiable: impossible,
        test: impossible
            ? () => 'F'
            : (ctx) => {
                let acc = 'T';
                for (const c of clauses) {
                    acc = triAnd(acc, c.test(ctx));
                    if (acc === 'F')
                        return 'F';
                }
                return acc;
            },
    };
}
/** A clause that needs its key present with a value (not satisfied by a missing key). */
const needsPresence = (c) => !!c.spec && c.spec.family !== 'null' && !c.spec.negated && !c.ifExists && c.set !== 'all';
/**
 * Whether a block is false for EVERY request context, which lets reachability drop a statement even when
 * its keys are unknown. Recognized: a value-requiring operator whose values are all malformed for its type
 * (an IpAddress that is no CIDR, a Bool that is neither true nor false) or empty; `Null: true` on a key
 * another clause needs present; StringEquals values all excluded by StringNotEquals on the same key; and
 * numeric or date bounds that leave no value.
 */
export function unsatisfiable(clauses) {
    const byKey = new Map();
    for (const c of clauses) {
        const k = c.key.toLowerCase();
        byKey.set(k, [...(byKey.get(k) ?? []), c]);
    }
    for (const c of clauses) {
        if (!needsPresence(c))
            continue;
        const candidates = c.values.filter((v) => hasVariables(v) || valueTest(c.spec, v) !== null);
        if (candidates.length === 0)
            return true;
    }
    for (const group of byKey.values()) {
        if (group.length < 2)
            continue;
        const nullTrue = group.some((c) => c.spec?.family === 'null' && c.values.length > 0 && c.values.every((v) => v.toLowerCase() === 'true'));
        if (nullTrue && group.some(needsPresence))
            return true;
        const plain = group.filter((c) => c.set === null && !c.ifExists && !c.values.some(hasVariables));
        const eq = plain.find((c) => c.spec?.family === 'string' && c.spec.compare === 'eq' && !c.spec.negated);
        const ne = plain.find((c) => c.spec?.family === 'string' && c.spec.compare === 'eq' && c.spec.negated);
        if (eq && ne && eq.values.every((v) => ne.values.includes(v)))
            return true;
        for (const family of ['numeric', 'date'])
            if (emptyRange(plain.filter((c) => c.spec?.family === family && !c.spec.negated), family))
                return true;
    }
    return false;
}
/** Lower and upper bounds from >, >=, <, <= clauses (several values in one clause OR: the loosest counts). */
function emptyRange(clauses, family) {
    const parse = family === 'numeric' ? toNumber : toDate;
    let lo = -Infinity;
    let loStrict = false;
    let hi = Infinity;
    let hiStrict = false;
    for (const c of clauses) {
        const nums = c.values.map(parse).filter((n) => !Number.isNaN(n));
        if (nums.length === 0)
            continue;
        const cmp = c.spec.compare;
        if (cmp === 'gt' || cmp === 'ge' || cmp === 'eq') {
            const v = Math.min(...nums);
            if (v > lo || (v === lo && cmp === 'gt'))
                [lo, loStrict] = [v, cmp === 'gt'];
        }
        if (cmp === 'lt' || cmp === 'le' || cmp === 'eq') {
            const v = Math.max(...nums);
            if (v < hi || (v === hi && cmp === 'lt'))
                [hi, hiStrict] = [v, cmp === 'lt'];
        }
    }
    return lo > hi || (lo === hi && (loStrict || hiStrict));
}
//# sourceMappingURL=conditions.js.map