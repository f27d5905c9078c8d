/**
 * Suppression rules: an open finding matching every criterion a rule sets is marked triage 'suppressed'
 * until the rule expires or is deleted. The store applies them in SQL (src/pipeline/apply-triage-policies.ts);
 * `matchesSuppression` states the same semantics for one finding, and the tests hold the two together.
 */
export interface SuppressionCriteria {
  /** A rule id or an advisory id (CVE-..., GHSA-...). */
  ruleId: string | null;
  /** Glob over the asset uid: * any run of characters, ? one character. */
  assetPattern: string | null;
  label: string | null;
  owner: string | null;
}

export interface SuppressionInput extends SuppressionCriteria {
  reason: string;
  expiresAt: Date | null;
}

export interface MatchableFinding {
  ruleId: string | null;
  advisoryId: string | null;
  assetUid: string | null;
  owner: string | null;
  /** Labels of the finding's asset. */
  labels: readonly string[];
}

const MAX_FIELD = 1024;

/** The glob as a LIKE pattern with backslash escapes: %, _ and \ in the uid match only themselves. */
export function globToLike(glob: string): string {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '%';
    else if (ch === '?') out += '_';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

export function matchesSuppression(rule: SuppressionCriteria, f: MatchableFinding): boolean {
  if (rule.ruleId !== null && rule.ruleId !== f.ruleId && rule.ruleId !== f.advisoryId) return false;
  if (rule.owner !== null && rule.owner !== f.owner) return false;
  if (rule.label !== null && !f.labels.includes(rule.label)) return false;
  if (rule.assetPattern !== null && (f.assetUid === null || !globToRegExp(rule.assetPattern).test(f.assetUid))) return false;
  return true;
}

const clean = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);

/** Normalizes a rule as submitted; refuses a rule with no criterion (it would suppress everything). */
export function validateSuppression(input: { rule_id?: string | null; asset_pattern?: string | null; label?: string | null; owner?: string | null;
  reason?: string | null; expires_at?: Date | null }, now: Date): { ok: true; value: SuppressionInput } | { ok: false; error: string } {
  const value: SuppressionInput = {
    ruleId: clean(input.rule_id), assetPattern: clean(input.asset_pattern), label: clean(input.label), owner: clean(input.owner),
    reason: clean(input.reason) ?? '', expiresAt: input.expires_at ?? null,
  };
  if (!value.ruleId && !value.assetPattern && !value.label && !value.owner) {
    return { ok: false, error: 'a suppression needs at least one of rule_id, asset_pattern, label, owner' };
  }
  if (value.assetPattern !== null && /^[*?]*$/.test(value.assetPattern)) return { ok: false, error: 'asset_pattern: matches every asset; name at least part of a uid' };
  for (const [k, v] of Object.entries({ rule_id: value.ruleId, asset_pattern: value.assetPattern, label: value.label, owner: value.owner })) {
    if (v && v.length > MAX_FIELD) return { ok: false, error: `${k}: at most ${MAX_FIELD} characters` };
  }
  if (!value.reason) return { ok: false, error: 'a suppression needs a reason' };
  if (value.reason.length > 4000) return { ok: false, error: 'reason: at most 4000 characters' };
  if (value.expiresAt && value.expiresAt.getTime() <= now.getTime()) return { ok: false, error: 'expires_at: must be in the future' };
  return { ok: true, value };
}
