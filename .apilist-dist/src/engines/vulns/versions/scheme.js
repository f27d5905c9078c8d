/** The contract every version scheme implements, plus the parse-once cache they share. */
/** Distinct version strings seen in one matching run stay far below this; past it the cache simply restarts. */
const CACHE_LIMIT = 50_000;
export function defineScheme(id, parseRaw, compareParsed, isValidRaw) {
    const parsed = new Map();
    const valid = new Map();
    const parse = (v) => {
        let p = parsed.get(v);
        if (p === undefined) {
            if (parsed.size >= CACHE_LIMIT)
                parsed.clear();
            p = parseRaw(v);
            parsed.set(v, p);
        }
        return p;
    };
    // Matching asks isValid of the same installed version for every advisory range: cache it too.
    const isValid = (v) => {
        let ok = valid.get(v);
        if (ok === undefined) {
            if (valid.size >= CACHE_LIMIT)
                valid.clear();
            ok = isValidRaw(v);
            valid.set(v, ok);
        }
        return ok;
    };
    return {
        id,
        parse,
        compareParsed,
        isValid,
        compare: (a, b) => (a === b ? 0 : compareParsed(parse(a), parse(b))),
    };
}
//# sourceMappingURL=scheme.js.map