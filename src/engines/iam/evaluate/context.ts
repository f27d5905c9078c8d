/** A context key's value(s) as a request carries them; every value is a string, as in the request context. */
export type ContextValue = string | readonly string[];

/**
 * The request context: the keys we know, by lowercased name (IAM key names are case-insensitive).
 * `closedWorld` says whether a key not listed is absent (AWS semantics, exactly) or merely unknown to us
 * (the default: the inventory cannot know a request's source IP, MFA state or time).
 */
export interface RequestContext {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly closedWorld: boolean;
  /**
   * Lowercased key names (or prefixes ending in `/`) whose listed values are complete even in an open world:
   * a principal's tags and name are known, so `aws:PrincipalTag/x` missing from them is absent, not unknown.
   */
  readonly closedKeys?: readonly string[];
}

/** What a key resolves to: its values, certainly absent, or unknown. */
export type KeyLookup = { kind: 'values'; values: readonly string[] } | { kind: 'absent' } | { kind: 'unknown' };

export function requestContext(values: Readonly<Record<string, ContextValue | undefined>> = {}, closedWorld = false, closedKeys: readonly string[] = []): RequestContext {
  const map = new Map<string, readonly string[]>();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    map.set(k.toLowerCase(), typeof v === 'string' ? [v] : [...v]);
  }
  return { values: map, closedWorld, closedKeys: closedKeys.map((k) => k.toLowerCase()) };
}

export function lookupKey(ctx: RequestContext, key: string): KeyLookup {
  const lower = key.toLowerCase();
  const values = ctx.values.get(lower);
  if (values) return { kind: 'values', values };
  if (ctx.closedWorld) return { kind: 'absent' };
  const closed = ctx.closedKeys?.some((k) => (k.endsWith('/') ? lower.startsWith(k) : lower === k));
  return closed ? { kind: 'absent' } : { kind: 'unknown' };
}
