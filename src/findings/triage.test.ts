import { describe, expect, it } from 'vitest';
import { isSameTriage, mayTriage, validateTriage } from './triage.js';
import { dueDate, slaDays, slaState, validatePolicies, DEFAULT_SLA_POLICIES } from './sla.js';
import { globToLike, matchesSuppression, validateSuppression } from './suppression.js';
import { checkFacts, flippedFacts, recordAcceptance, type FindingFacts } from './acceptance.js';

/** The refusal text of a validation result, or null when it passed. */
const errorOf = (r: { ok: true } | { ok: false; error: string }): string | null => (r.ok ? null : r.error);
const NOW = new Date('2026-05-01T00:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('triage transitions', () => {
  it('keep the detection state and suppression out of people\'s hands', () => {
    expect(errorOf(validateTriage({ state: 'resolved' }, NOW))).toMatch(/detection state/);
    expect(errorOf(validateTriage({ state: 'suppressed' }, NOW))).toMatch(/suppression rules/);
    expect(validateTriage({ state: 'acknowledged', reason: '  ' }, NOW)).toEqual({ ok: true, value: { state: 'acknowledged', reason: null, expiresAt: null } });
    expect(validateTriage({ state: 'in_progress', expiresAt: days(3) }, NOW).ok).toBe(false);
  });

  it('require a reason and a bounded future expiry for acceptances, a reason for false positives', () => {
    expect(validateTriage({ state: 'risk_accepted', reason: 'x' }, NOW).ok).toBe(false);
    expect(validateTriage({ state: 'risk_accepted', reason: 'x', expiresAt: NOW }, NOW).ok).toBe(false);
    expect(validateTriage({ state: 'risk_accepted', reason: 'x', expiresAt: days(367) }, NOW).ok).toBe(false);
    expect(validateTriage({ state: 'risk_accepted', reason: ' x ', expiresAt: days(30) }, NOW)).toEqual({ ok: true, value: { state: 'risk_accepted', reason: 'x', expiresAt: days(30) } });
    expect(validateTriage({ state: 'false_positive' }, NOW).ok).toBe(false);
  });

  it('members need the security team to accept or dismiss; viewers change nothing', () => {
    expect(mayTriage('member', 'in_progress')).toBe(true);
    expect(mayTriage('member', 'risk_accepted')).toBe(false);
    expect(mayTriage('member', 'false_positive')).toBe(false);
    expect(mayTriage('analyst', 'risk_accepted')).toBe(true);
    expect(mayTriage('viewer', 'acknowledged')).toBe(false);
  });

  it('a repeat of the same state, reason and expiry is no change', () => {
    const cur = { triage: 'risk_accepted', reason: 'x', expiresAt: days(5) };
    expect(isSameTriage(cur, { state: 'risk_accepted', reason: 'x', expiresAt: days(5) })).toBe(true);
    expect(isSameTriage(cur, { state: 'risk_accepted', reason: 'x', expiresAt: days(6) })).toBe(false);
    expect(isSameTriage(cur, { state: 'acknowledged', reason: 'x', expiresAt: null })).toBe(false);
  });
});

describe('SLA', () => {
  it('picks the criticality row, else the severity\'s * row; an exact row without days means no SLA', () => {
    expect(slaDays(DEFAULT_SLA_POLICIES, 'critical', 'Critical')).toBe(7);
    expect(slaDays(DEFAULT_SLA_POLICIES, 'critical', 'tier-9')).toBe(15);
    expect(slaDays(DEFAULT_SLA_POLICIES, 'high', null)).toBe(30);
    expect(slaDays(DEFAULT_SLA_POLICIES, 'info', 'critical')).toBeNull();
    expect(slaDays([...DEFAULT_SLA_POLICIES, { severity: 'low', criticality: 'sandbox', days: null }], 'low', 'sandbox')).toBeNull();
    expect(dueDate(NOW, 7)).toEqual(days(7));
  });

  it('states: breached past due, at risk within 7 days', () => {
    expect(slaState(days(-1), NOW)).toBe('breached');
    expect(slaState(days(6), NOW)).toBe('at_risk');
    expect(slaState(days(8), NOW)).toBe('ok');
    expect(slaState(null, NOW)).toBe('none');
  });

  it('a policy table needs a * row per severity, valid days and no duplicates', () => {
    expect(validatePolicies(DEFAULT_SLA_POLICIES).ok).toBe(true);
    expect(errorOf(validatePolicies(DEFAULT_SLA_POLICIES.filter((p) => p.severity !== 'info')))).toMatch(/missing: info/);
    expect(errorOf(validatePolicies([...DEFAULT_SLA_POLICIES, { severity: 'high', criticality: 'HIGH', days: 1 }]))).toMatch(/twice/);
    expect(validatePolicies([...DEFAULT_SLA_POLICIES.slice(1), { severity: 'critical', days: 0 }]).ok).toBe(false);
    expect(validatePolicies([{ severity: 'urgent', days: 1 }]).ok).toBe(false);
  });
});

describe('suppression rules', () => {
  const f = { ruleId: 'aws.s3.logging', advisoryId: null, assetUid: 'arn:aws:s3:::logs_2026%x', owner: 'team-a', labels: ['Sandbox'] };
  const rule = { ruleId: null, assetPattern: null, label: null, owner: null };
  it('match every criterion set: rule or advisory, owner, label, uid glob', () => {
    expect(matchesSuppression({ ...rule, ruleId: 'aws.s3.logging' }, f)).toBe(true);
    expect(matchesSuppression({ ...rule, ruleId: 'CVE-1' }, { ...f, advisoryId: 'CVE-1' })).toBe(true);
    expect(matchesSuppression({ ...rule, ruleId: 'aws.s3.logging', owner: 'team-b' }, f)).toBe(false);
    expect(matchesSuppression({ ...rule, label: 'Sandbox' }, f)).toBe(true);
    expect(matchesSuppression({ ...rule, label: 'Prod' }, f)).toBe(false);
    expect(matchesSuppression({ ...rule, assetPattern: 'arn:aws:s3:::logs_*' }, f)).toBe(true);
    expect(matchesSuppression({ ...rule, assetPattern: 'arn:aws:s3:::logs_2026?x' }, f)).toBe(true);
    expect(matchesSuppression({ ...rule, assetPattern: 'arn:aws:s3:::logs' }, f)).toBe(false);
    expect(matchesSuppression({ ...rule, assetPattern: '*' }, { ...f, assetUid: null })).toBe(false);
  });

  it('turn globs into LIKE patterns with LIKE\'s own characters escaped', () => {
    expect(globToLike('arn:*:logs_2026%?\\')).toBe('arn:%:logs\\_2026\\%_\\\\');
  });

  it('need a criterion, a reason, a pattern narrower than everything and a future expiry', () => {
    expect(validateSuppression({ reason: 'x' }, NOW).ok).toBe(false);
    expect(validateSuppression({ asset_pattern: '**', reason: 'x' }, NOW).ok).toBe(false);
    expect(validateSuppression({ owner: 'a' }, NOW).ok).toBe(false);
    expect(validateSuppression({ owner: 'a', reason: 'x', expires_at: days(-1) }, NOW).ok).toBe(false);
    expect(validateSuppression({ owner: ' a ', reason: ' x ', label: '' }, NOW)).toEqual({ ok: true, value: { ruleId: null, assetPattern: null, label: null, owner: 'a', reason: 'x', expiresAt: null } });
  });
});

describe('acceptance facts', () => {
  const quiet: FindingFacts = { severity: 'high', internetExposed: false, inKev: false, epss: 0.02, onAttackPath: false };
  it('records every fact and relies on those that hold', () => {
    const r = recordAcceptance({ ...quiet, inKev: true }, NOW);
    expect(r.ok && r.value.relied_on).toEqual(['not_internet_exposed', 'epss_below', 'not_on_attack_path', 'severity_not_higher']);
    expect(r.ok && r.value.facts.find((f) => f.fact === 'not_in_kev')).toEqual({ fact: 'not_in_kev', holds: false, text: 'advisory is in CISA KEV' });
    expect(errorOf(recordAcceptance({ ...quiet, inKev: true }, NOW, ['not_in_kev']))).toMatch(/cannot rely on not_in_kev/);
  });

  it('flips: exposure, KEV, EPSS crossing the threshold, an attack path, a higher severity; only relied-on facts count', () => {
    const rec = recordAcceptance(quiet, NOW);
    if (!rec.ok) throw new Error(rec.error);
    expect(flippedFacts(rec.value, quiet)).toEqual([]);
    expect(flippedFacts(rec.value, { ...quiet, severity: 'low' })).toEqual([]);
    expect(flippedFacts(rec.value, { ...quiet, internetExposed: true }).map((f) => f.fact)).toEqual(['not_internet_exposed']);
    expect(flippedFacts(rec.value, { ...quiet, epss: 0.1 }).map((f) => f.fact)).toEqual(['epss_below']);
    expect(flippedFacts(rec.value, { ...quiet, onAttackPath: true, inKev: true }).map((f) => f.fact)).toEqual(['not_in_kev', 'not_on_attack_path']);
    expect(flippedFacts(rec.value, { ...quiet, severity: 'critical' })).toEqual([{ fact: 'severity_not_higher', holds: false, text: 'severity rose from high to critical' }]);
    const narrow = recordAcceptance(quiet, NOW, ['not_in_kev']);
    if (!narrow.ok) throw new Error(narrow.error);
    expect(flippedFacts(narrow.value, { ...quiet, internetExposed: true })).toEqual([]);
    expect(checkFacts({ ...quiet, epss: null }, 'high').find((f) => f.fact === 'epss_below')?.holds).toBe(true);
  });
});
