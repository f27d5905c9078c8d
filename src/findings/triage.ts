/**
 * Triage states and who may set them. Triage is the people's view of a finding and is kept apart from the
 * detection state (findings.status: open/resolved, kept by scans): a resolved finding keeps its triage, a
 * reopened one comes back with it. 'suppressed' is set and lifted only by suppression rules.
 */
export const TRIAGE_STATES = ['none', 'acknowledged', 'in_progress', 'risk_accepted', 'false_positive', 'suppressed'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** States a person may choose. */
export const MANUAL_TRIAGE_STATES = ['none', 'acknowledged', 'in_progress', 'risk_accepted', 'false_positive'] as const;
export type ManualTriageState = (typeof MANUAL_TRIAGE_STATES)[number];

/** States that take a finding off the team's plate: no SLA breach counts for them. */
export const INACTIVE_TRIAGE: readonly TriageState[] = ['risk_accepted', 'false_positive', 'suppressed'];

/** States that hide a finding from a team's work only with the security team's sign-off. */
const SECURITY_SIGN_OFF: readonly ManualTriageState[] = ['risk_accepted', 'false_positive'];

/** Longest risk acceptance: a year; it has to be looked at again after that. */
export const MAX_ACCEPTANCE_DAYS = 366;
export const MAX_REASON_LENGTH = 4000;

export type TriageRole = 'admin' | 'analyst' | 'member' | 'viewer';

export interface TriageRequest {
  state: string;
  reason?: string | null;
  expiresAt?: Date | null;
}

export interface ValidTriage {
  state: ManualTriageState;
  reason: string | null;
  expiresAt: Date | null;
}

export function isManualState(s: string): s is ManualTriageState {
  return (MANUAL_TRIAGE_STATES as readonly string[]).includes(s);
}

/**
 * Checks a requested change against the rules of each state; returns the normalized change or the reason
 * it is refused, in words meant for the caller.
 */
export function validateTriage(req: TriageRequest, now: Date): { ok: true; value: ValidTriage } | { ok: false; error: string } {
  if (req.state === 'resolved' || req.state === 'open') {
    return { ok: false, error: `${req.state} is the detection state kept by scans; triage states are ${MANUAL_TRIAGE_STATES.join(', ')}` };
  }
  if (req.state === 'suppressed') return { ok: false, error: 'suppressed is set by suppression rules only (POST /api/v1/suppressions)' };
  if (!isManualState(req.state)) return { ok: false, error: `unknown triage state ${JSON.stringify(req.state)}; one of ${MANUAL_TRIAGE_STATES.join(', ')}` };
  const reason = req.reason?.trim() ? req.reason.trim() : null;
  if (reason && reason.length > MAX_REASON_LENGTH) return { ok: false, error: `reason: at most ${MAX_REASON_LENGTH} characters` };
  const state = req.state;
  if (state === 'risk_accepted') {
    if (!reason) return { ok: false, error: 'risk_accepted needs a reason' };
    if (!req.expiresAt) return { ok: false, error: 'risk_accepted needs expires_at: an acceptance is reviewed again when it ends' };
    if (req.expiresAt.getTime() <= now.getTime()) return { ok: false, error: 'expires_at: must be in the future' };
    if (req.expiresAt.getTime() - now.getTime() > MAX_ACCEPTANCE_DAYS * 86_400_000) return { ok: false, error: `expires_at: at most ${MAX_ACCEPTANCE_DAYS} days ahead` };
    return { ok: true, value: { state, reason, expiresAt: req.expiresAt } };
  }
  if (req.expiresAt) return { ok: false, error: 'expires_at applies to risk_accepted only' };
  if (state === 'false_positive' && !reason) return { ok: false, error: 'false_positive needs a reason' };
  return { ok: true, value: { state, reason, expiresAt: null } };
}

/**
 * Members triage their own team's findings (scoping decides which); accepting a risk or declaring a false
 * positive takes them off the team's list, so it needs the security team: analyst or admin.
 */
export function mayTriage(role: TriageRole, state: ManualTriageState): boolean {
  if (role === 'viewer') return false;
  if (role === 'member') return !SECURITY_SIGN_OFF.includes(state);
  return true;
}

export interface StoredTriage { triage: string; reason: string | null; expiresAt: Date | null }

/** True when applying `next` to a finding in state `current` changes nothing (no write, no event). */
export function isSameTriage(current: StoredTriage, next: ValidTriage): boolean {
  return current.triage === next.state && current.reason === next.reason
    && (current.expiresAt?.getTime() ?? null) === (next.expiresAt?.getTime() ?? null);
}
