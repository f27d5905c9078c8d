import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../model/index.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { syncRun } from './sync/run.js';
import { ALL_TENANTS } from '../store/queries/tenant-scope.js';
import { setTriage } from './triage.js';
import { createSuppression, deleteSuppression, listSuppressions } from './suppressions.js';
import { replaceSlaPolicies, slaPolicies, slaSummary } from './sla.js';
import { DEFAULT_SLA_POLICIES } from '../findings/sla.js';
import { matchesSuppression, type SuppressionCriteria } from '../findings/suppression.js';

/**
 * The post-run step on a real store: every sync run fills due dates, applies and lifts suppressions and
 * re-checks risk acceptances, inside its transaction.
 */
const DAY = 86_400_000;
const T0 = new Date('2026-01-10T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const CRIT = 'arn:aws:ec2:us-east-1:111111111111:instance/i-crown-jewel';
const PLAIN = 'arn:aws:ec2:us-east-1:111111111111:instance/i-plain';
const BUCKET = 'arn:aws:s3:::logs_2026%';

function inventory(labelsPublic = false): NormalizedRecord[] {
  return [
    { type: 'coverage', scope: 'inv', coverage: 'complete' },
    { type: 'asset', scope: 'inv', asset: { uid: CRIT, kind: 'aws.ec2.instance', owner: 'team-pay', criticality: 'Critical' } },
    { type: 'asset', scope: 'inv', asset: { uid: PLAIN, kind: 'aws.ec2.instance', owner: 'team-web' } },
    { type: 'asset', scope: 'inv', asset: { uid: BUCKET, kind: 'aws.s3.bucket', owner: 'team-web' } },
    ...(labelsPublic ? [{ type: 'label', scope: 'inv', label: { assetUid: PLAIN, label: 'isPublic' } } as NormalizedRecord] : []),
  ];
}

type F = { fp: string; severity: 'critical' | 'high' | 'medium' | 'low' | 'info'; asset: string; rule?: string; advisory?: string };
function scan(findings: F[]): NormalizedRecord[] {
  return [
    { type: 'coverage', scope: 'scan', coverage: 'complete' },
    ...findings.map((f): NormalizedRecord => ({ type: 'finding', scope: 'scan', finding: {
      fingerprint: f.fp, kind: f.advisory ? 'vuln' : 'config', title: f.fp, severity: f.severity, assetUid: f.asset,
      ruleId: f.rule ?? null, advisoryId: f.advisory ?? null } })),
  ];
}

const BASE: F[] = [
  { fp: 'crit-on-crit', severity: 'critical', asset: CRIT, advisory: 'CVE-2026-0001' },
  { fp: 'high-plain', severity: 'high', asset: PLAIN, rule: 'aws.ec2.imdsv1' },
  { fp: 'info-plain', severity: 'info', asset: PLAIN, rule: 'aws.ec2.tags' },
  { fp: 'bucket', severity: 'medium', asset: BUCKET, rule: 'aws.s3.logging' },
];

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, inventory(), { source: 'inv', now: T0 });
  await syncRun(t.db, scan(BASE), { source: 'scan', now: T0 });
});
afterAll(async () => { await t.drop(); });

const row = async (fp: string) => (await t.db.query<{ id: number; triage: string; due_at: Date | null; triage_reason: string | null; suppression_id: number | null }>(
  'select id, triage, due_at, triage_reason, suppression_id from findings where fingerprint = $1', [fp]))[0]!;
const triageEvents = async (fp: string) => t.db.query<{ actor: string | null; run_id: number | null; details: Record<string, unknown> }>(
  `select e.actor, e.run_id, e.details from finding_events e join findings f on f.id = e.finding_id where f.fingerprint = $1 and e.type = 'triaged' order by e.id`, [fp]);

describe('SLA due dates', () => {
  it('are filled at the end of the run that opens a finding, by severity and asset criticality', async () => {
    expect((await row('crit-on-crit')).due_at).toEqual(at(7));
    expect((await row('high-plain')).due_at).toEqual(at(30));
    expect((await row('bucket')).due_at).toEqual(at(90));
    expect((await row('info-plain')).due_at).toBeNull();
  });

  it('the shipped policy table is the documented one', async () => {
    const rows = await slaPolicies(t.db);
    expect(rows.map(({ severity, criticality, days }) => ({ severity, criticality, days })).sort((a, b) => `${a.severity}${a.criticality}`.localeCompare(`${b.severity}${b.criticality}`)))
      .toEqual([...DEFAULT_SLA_POLICIES].sort((a, b) => `${a.severity}${a.criticality}`.localeCompare(`${b.severity}${b.criticality}`)));
  });

  it('a policy change recomputes open findings; the summary counts breached and at-risk per owner', async () => {
    const r = await replaceSlaPolicies(t.db, [...DEFAULT_SLA_POLICIES.filter((p) => !(p.severity === 'high' && p.criticality === '*')),
      { severity: 'high', criticality: '*', days: 3 }], 'admin');
    expect(r.findings_updated).toBe(1);
    expect((await row('high-plain')).due_at).toEqual(at(3));
    const s = await slaSummary(t.db, ALL_TENANTS, at(5));
    // team-web: high due day 3 (breached), bucket due day 90 (fine), info (no due date); team-pay: due day 7 (at risk).
    expect(s.items).toEqual([
      { owner: 'team-web', open: 3, breached: 1, at_risk: 0, next_due: at(3) },
      { owner: 'team-pay', open: 1, breached: 0, at_risk: 1, next_due: at(7) },
    ]);
    expect(s.totals).toEqual({ open: 4, breached: 1, at_risk: 1 });
    expect((await slaSummary(t.db, { owners: ['team-pay'] }, at(5))).items.map((i) => i.owner)).toEqual(['team-pay']);
    await replaceSlaPolicies(t.db, DEFAULT_SLA_POLICIES, 'admin');
    expect((await row('high-plain')).due_at).toEqual(at(30));
  });
});

describe('suppression rules', () => {
  it('suppress matching open findings at once, and new ones at the end of each run; manual triage wins', async () => {
    const high = await row('high-plain');
    await setTriage(t.db, ALL_TENANTS, [high.id], { state: 'acknowledged', reason: null, expiresAt: null }, 'ana', { now: at(1) });
    const { suppression, suppressed } = await createSuppression(t.db,
      { ruleId: null, assetPattern: 'arn:aws:ec2:*:instance/i-plain', label: null, owner: null, reason: 'lab box', expiresAt: at(20) }, 'ana', at(1));
    // info-plain is suppressed; high-plain keeps its manual state.
    expect(suppressed).toBe(1);
    expect(await row('info-plain')).toMatchObject({ triage: 'suppressed', suppression_id: suppression.id, triage_reason: 'lab box' });
    expect((await row('high-plain')).triage).toBe('acknowledged');
    await syncRun(t.db, scan([...BASE, { fp: 'new-plain', severity: 'low', asset: PLAIN, rule: 'aws.ec2.ebs' }]), { source: 'scan', now: at(2) });
    expect((await row('new-plain')).triage).toBe('suppressed');
    const [ev] = await triageEvents('new-plain');
    expect(ev).toMatchObject({ actor: null, details: { from: 'none', to: 'suppressed', suppression_id: suppression.id, reason: 'lab box' } });
    expect(ev!.run_id).toBeGreaterThan(0);
    expect((await listSuppressions(t.db, ALL_TENANTS, at(2)))[0]).toMatchObject({ id: suppression.id, active: true, findings: 2 });
  });

  it('a pattern with LIKE metacharacters matches them literally', async () => {
    const { suppressed } = await createSuppression(t.db,
      { ruleId: null, assetPattern: 'arn:aws:s3:::logs_2026%', label: null, owner: null, reason: 'exact', expiresAt: null }, 'ana', at(2));
    expect(suppressed).toBe(1);
    const none = await createSuppression(t.db,
      { ruleId: null, assetPattern: 'arn:aws:s3:::logs%2026_', label: null, owner: null, reason: 'literal only', expiresAt: null }, 'ana', at(2));
    expect(none.suppressed).toBe(0);
    await deleteSuppression(t.db, ALL_TENANTS, none.suppression.id, at(2));
    const exact = (await listSuppressions(t.db, ALL_TENANTS, at(2))).find((s) => s.reason === 'exact')!;
    expect(await deleteSuppression(t.db, ALL_TENANTS, exact.id, at(2))).toEqual({ unsuppressed: 1 });
    expect((await row('bucket')).triage).toBe('none');
    expect((await triageEvents('bucket')).at(-1)!.details).toMatchObject({ from: 'suppressed', to: 'none', reason: 'suppression deleted' });
  });

  it('lift when the rule expires, at the first run after', async () => {
    await syncRun(t.db, scan([...BASE, { fp: 'new-plain', severity: 'low', asset: PLAIN, rule: 'aws.ec2.ebs' }]), { source: 'scan', now: at(21) });
    expect((await row('info-plain')).triage).toBe('none');
    expect((await triageEvents('info-plain')).at(-1)!.details).toMatchObject({ from: 'suppressed', to: 'none', reason: 'suppression expired' });
    const s = (await listSuppressions(t.db, ALL_TENANTS, at(21)))[0]!;
    expect(s).toMatchObject({ active: false, findings: 0 });
    await expect(deleteSuppression(t.db, { owners: ['team-pay'] }, s.id, at(21))).rejects.toThrow(/not found/);
  });

  it('the SQL matching is the documented one (label, owner, rule or advisory, glob)', async () => {
    const findings = await t.db.query<{ id: number; rule_id: string | null; advisory_id: string | null; asset_uid: string | null; owner: string | null; labels: string[] | null }>(
      `select f.id, f.rule_id, f.advisory_id, f.asset_uid, f.owner, a.labels from findings f left join assets a on a.uid = f.asset_uid
        where f.status = 'open' and f.triage = 'none' order by f.id`);
    const rules: SuppressionCriteria[] = [
      { ruleId: 'CVE-2026-0001', assetPattern: null, label: null, owner: null },
      { ruleId: null, assetPattern: null, label: null, owner: 'team-web' },
      { ruleId: 'aws.s3.logging', assetPattern: '*:s3:::*', label: null, owner: 'team-web' },
      { ruleId: null, assetPattern: 'arn:aws:ec2:us-east-1:111111111111:instance/i-?lain', label: null, owner: null },
    ];
    for (const rule of rules) {
      const want = findings.filter((f) => matchesSuppression(rule, { ruleId: f.rule_id, advisoryId: f.advisory_id, assetUid: f.asset_uid, owner: f.owner, labels: f.labels ?? [] })).map((f) => f.id);
      expect(want.length).toBeGreaterThan(0);
      const { suppression } = await createSuppression(t.db, { ...rule, reason: 'probe', expiresAt: null }, 'ana', at(22));
      const got = (await t.db.query<{ id: number }>('select id from findings where suppression_id = $1 order by id', [suppression.id])).map((r) => r.id);
      expect(got, JSON.stringify(rule)).toEqual(want);
      await deleteSuppression(t.db, ALL_TENANTS, suppression.id, at(22));
    }
  });
});

describe('risk acceptance', () => {
  it('records the facts and is revoked by the run after a relied-on fact flips, naming it', async () => {
    const f = await row('crit-on-crit');
    const r = await setTriage(t.db, ALL_TENANTS, [f.id], { state: 'risk_accepted', reason: 'internal only', expiresAt: at(90) }, 'ana', { now: at(22) });
    expect(r.updated).toEqual([f.id]);
    expect(r.facts![String(f.id)]).toMatchObject({ severity: 'critical', relied_on: ['not_internet_exposed', 'not_in_kev', 'epss_below', 'not_on_attack_path', 'severity_not_higher'] });
    // A run that changes nothing relevant keeps it.
    await syncRun(t.db, scan(BASE), { source: 'scan', now: at(23) });
    expect((await row('crit-on-crit')).triage).toBe('risk_accepted');
    // The CVE enters KEV; the next run (any source) revokes the acceptance.
    await t.db.query(`insert into kev (cve_id) values ('CVE-2026-0001')`);
    const run = await syncRun(t.db, inventory(), { source: 'inv', now: at(24) });
    expect(run.counts.triage.acceptances_revoked).toBe(1);
    const after = await row('crit-on-crit');
    expect(after.triage).toBe('none');
    expect(after.triage_reason).toMatch(/not_in_kev no longer holds \(advisory is in CISA KEV\)/);
    expect((await triageEvents('crit-on-crit')).at(-1)).toMatchObject({ actor: null, run_id: run.runId,
      details: { from: 'risk_accepted', to: 'none', expired: false, accepted_by: 'ana', flipped: [{ fact: 'not_in_kev', holds: false }] } });
  });

  it('refuses to rely on a fact that does not hold, and expires by date', async () => {
    const f = await row('crit-on-crit');
    await expect(setTriage(t.db, ALL_TENANTS, [f.id], { state: 'risk_accepted', reason: 'x', expiresAt: at(90) }, 'ana', { now: at(24), relyOn: ['not_in_kev'] }))
      .rejects.toThrow(/cannot rely on not_in_kev/);
    expect((await row('crit-on-crit')).triage).toBe('none');
    // Without naming facts it relies on the ones that hold (not KEV), and the date still ends it.
    const r = await setTriage(t.db, ALL_TENANTS, [f.id], { state: 'risk_accepted', reason: 'x', expiresAt: at(30) }, 'ana', { now: at(24) });
    expect(r.facts![String(f.id)]!.relied_on).not.toContain('not_in_kev');
    await syncRun(t.db, inventory(), { source: 'inv', now: at(29) });
    expect((await row('crit-on-crit')).triage).toBe('risk_accepted');
    await syncRun(t.db, inventory(), { source: 'inv', now: at(31) });
    expect(await row('crit-on-crit')).toMatchObject({ triage: 'none', triage_reason: 'acceptance expired' });
  });

  it('an exposure label arriving revokes an acceptance relying on the asset being private', async () => {
    const f = await row('high-plain');
    await setTriage(t.db, ALL_TENANTS, [f.id], { state: 'risk_accepted', reason: 'behind VPN', expiresAt: at(200) }, 'ana', { now: at(31) });
    await syncRun(t.db, inventory(true), { source: 'inv', now: at(32) });
    expect((await row('high-plain')).triage_reason).toMatch(/not_internet_exposed no longer holds/);
  });
});

describe('acceptance facts: attack paths', () => {
  it('an open path through the asset flips not_on_attack_path; a resolved one does not count', async () => {
    const f = await row('bucket');
    await setTriage(t.db, ALL_TENANTS, [f.id], { state: 'risk_accepted', reason: 'logs only', expiresAt: at(300) }, 'ana', { now: at(33) });
    const path = (status: string) => t.db.query(`insert into findings (fingerprint, kind, rule_id, title, severity, asset_uid, status, evidence, source, content_hash, first_seen, last_seen)
      values ($1, 'path', 'path.public-sensitive-data', 'path', 'critical', $2, $3, $4, 'engine:paths', 'h', $5, $5)`,
    [`path-${status}`, BUCKET, status, { nodes: [{ uid: 'internet', kind: 'internet' }, { uid: BUCKET, kind: 'aws.s3.bucket' }] }, at(33)]);
    await path('resolved');
    await syncRun(t.db, inventory(true), { source: 'inv', now: at(34) });
    expect((await row('bucket')).triage).toBe('risk_accepted');
    await path('open');
    await syncRun(t.db, inventory(true), { source: 'inv', now: at(35) });
    expect((await row('bucket')).triage_reason).toBe('acceptance revoked: not_on_attack_path no longer holds (asset is on an open attack path)');
  });
});

describe('suppression by label', () => {
  it('matches findings on assets carrying the label, through asset_labels', async () => {
    const { suppression, suppressed } = await createSuppression(t.db, { ruleId: null, assetPattern: null, label: 'isPublic', owner: null, reason: 'public by design', expiresAt: null }, 'ana', at(36));
    const got = (await t.db.query<{ fingerprint: string }>('select fingerprint from findings where suppression_id = $1 order by fingerprint', [suppression.id])).map((r) => r.fingerprint);
    // PLAIN is labelled isPublic (the last inventory run): its open untriaged findings (new-plain was resolved by a later scan).
    const want = (await t.db.query<{ fingerprint: string }>(`select fingerprint from findings where asset_uid = $1 and status = 'open' and (triage = 'none' or suppression_id = $2) order by fingerprint`,
      [PLAIN, suppression.id])).map((r) => r.fingerprint);
    expect(suppressed).toBeGreaterThan(0);
    expect(got).toEqual(want);
    expect(got).toEqual(['high-plain', 'info-plain']);
  });
});
