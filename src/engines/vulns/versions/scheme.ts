/** The contract every version scheme implements, plus the parse-once cache they share. */

export interface VersionScheme {
  /** 'semver', 'pep440', 'debian', … */
  readonly id: string;
  /** Total order: <0, 0, >0. Never throws, whatever the input; malformed strings still get a stable place. */
  compare(a: string, b: string): number;
  /** Whether `v` is well-formed for this scheme (comparisons of malformed versions are best effort). */
  isValid(v: string): boolean;
}

/** A scheme that exposes its parsed form, so a hot loop can parse each version once and compare many times. */
export interface ParsingScheme<P> extends VersionScheme {
  parse(v: string): P;
  compareParsed(a: P, b: P): number;
}

/** Distinct version strings seen in one matching run stay far below this; past it the cache simply restarts. */
const CACHE_LIMIT = 50_000;

export function defineScheme<P>(
  id: string,
  parseRaw: (v: string) => P,
  compareParsed: (a: P, b: P) => number,
  isValidRaw: (v: string) => boolean,
): ParsingScheme<P> {
  const parsed = new Map<string, P>();
  const valid = new Map<string, boolean>();
  const parse = (v: string): P => {
    let p = parsed.get(v);
    if (p === undefined) {
      if (parsed.size >= CACHE_LIMIT) parsed.clear();
      p = parseRaw(v);
      parsed.set(v, p);
    }
    return p;
  };
  // Matching asks isValid of the same installed version for every advisory range: cache it too.
  const isValid = (v: string): boolean => {
    let ok = valid.get(v);
    if (ok === undefined) {
      if (valid.size >= CACHE_LIMIT) valid.clear();
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
