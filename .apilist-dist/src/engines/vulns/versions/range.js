/** At equal versions an introduced event comes first, so [introduced X, fixed X] is empty, not open. */
const TIE_ORDER = { introduced: 0, last_affected: 1, fixed: 2 };
/** Parse-once access to a scheme: event versions are parsed when compiled, the queried version once per call. */
function orderingOf(scheme) {
    const p = scheme;
    if (typeof p.parse === 'function' && typeof p.compareParsed === 'function') {
        const parse = p.parse;
        const compareParsed = p.compareParsed;
        return { key: (v) => parse(v), cmp: (a, b) => compareParsed(a, b) };
    }
    return { key: (v) => v, cmp: (a, b) => scheme.compare(a, b) };
}
/** A range's events, sorted once, as a predicate over versions. */
export function compileRange(scheme, events) {
    const { key, cmp } = orderingOf(scheme);
    const walk = [];
    const limits = [];
    let hasLimits = false;
    let starLimit = false; // a limit containing '*' is infinity: nothing is beyond it
    for (const e of events) {
        // One key per event is the schema's rule; tolerate more rather than drop information.
        if (e.introduced !== undefined)
            walk.push({ kind: 'introduced', at: key(e.introduced), zero: e.introduced === '0' });
        if (e.fixed !== undefined)
            walk.push({ kind: 'fixed', at: key(e.fixed), zero: false });
        if (e.last_affected !== undefined)
            walk.push({ kind: 'last_affected', at: key(e.last_affected), zero: false });
        if (e.limit !== undefined) {
            hasLimits = true;
            if (e.limit.includes('*'))
                starLimit = true;
            else
                limits.push(key(e.limit));
        }
    }
    walk.sort((a, b) => {
        if (a.zero || b.zero)
            return a.zero === b.zero ? 0 : a.zero ? -1 : 1;
        return cmp(a.at, b.at) || TIE_ORDER[a.kind] - TIE_ORDER[b.kind];
    });
    return (version) => {
        const v = key(version);
        if (hasLimits && !starLimit && !limits.some((l) => cmp(v, l) < 0))
            return false;
        let vulnerable = false;
        for (const e of walk) {
            const c = e.zero ? 1 : cmp(v, e.at);
            if (c < 0)
                break; // sorted: no later event can change the state
            if (e.kind === 'introduced')
                vulnerable = true;
            else if (e.kind === 'fixed')
                vulnerable = false;
            else if (c > 0)
                vulnerable = false;
        }
        return vulnerable;
    };
}
/** Is `version` affected by one `affected[].ranges[]` entry's events (type ECOSYSTEM or SEMVER)? */
export function inRange(scheme, version, events) {
    return compileRange(scheme, events)(version);
}
//# sourceMappingURL=range.js.map