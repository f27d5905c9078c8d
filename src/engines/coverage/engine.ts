import { ruleFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import type { Engine, EngineContext } from '../engine.js';

export const COVERAGE_ENGINE_ID = 'coverage';
export const WORKLOAD_NOT_SCANNED = 'coverage.workload-not-scanned';
const SOURCE = `engine:${COVERAGE_ENGINE_ID}`;

/** One scope per account or cluster: a complete run of it resolves the findings of workloads scanned or gone since. */
export const coverageScope = (account: string | null): string => `coverage:${account ?? 'none'}`;

interface WorkloadRow {
  uid: string;
  kind: string;
  name: string | null;
  owner: string | null;
  account: string | null;
  region: string | null;
  images: string[];
  scanned: boolean;
}

const WHAT: Record<string, string> = { 'aws.ec2.instance': 'EC2 instance', 'k8s.pod': 'Pod', 'container.image': 'Container image' };

const REMEDIATION = 'Scan it: run Trivy (or another scanner) on the image or host and ingest the report (mothership ingest), '
  + 'or enable Amazon Inspector for the account and ingest its findings; then run analyze again.';

function finding(scope: string, w: WorkloadRow): NormalizedRecord {
  const what = WHAT[w.kind] ?? w.kind;
  return {
    type: 'finding',
    scope,
    finding: {
      fingerprint: ruleFingerprint('coverage', WORKLOAD_NOT_SCANNED, w.uid),
      kind: 'coverage',
      ruleId: WORKLOAD_NOT_SCANNED,
      title: `${what} ${w.name ?? w.uid} is running but no scanner covers it`,
      description: 'No scanner has reported the installed packages or the vulnerabilities of this running workload, '
        + 'nor of an image it runs: its vulnerabilities are unknown.',
      severity: 'medium',
      assetUid: w.uid,
      evidence: { kind: w.kind, account: w.account, region: w.region, images: w.images, checked: ['packages', 'vulnerability findings from scanners'] },
      remediation: REMEDIATION,
      originalId: WORKLOAD_NOT_SCANNED,
    },
  };
}

/** Workloads no scanner covers (v_workload_coverage), one finding each, in the scope of their account or cluster. */
export async function* workloadCoverage(ctx: EngineContext): AsyncIterable<NormalizedRecord> {
  const rows = await ctx.db.query<WorkloadRow>(
    'select uid, kind, name, owner, account, region, images, scanned from v_workload_coverage order by uid, account nulls last');
  const prior = await ctx.db.query<{ scope: string }>(`select scope from scope_state where source = $1 and scope like 'coverage:%'`, [SOURCE]);
  const scopes = new Set([...rows.map((r) => coverageScope(r.account)), ...prior.map((p) => p.scope)]);
  for (const scope of [...scopes].sort()) yield { type: 'coverage', scope, coverage: 'complete' };
  const reported = new Set<string>();
  for (const w of rows) {
    // An image running in several accounts is one finding, in the scope of the first account.
    if (w.scanned || reported.has(w.uid)) continue;
    reported.add(w.uid);
    yield finding(coverageScope(w.account), w);
  }
}

export function coverageEngine(): Engine {
  return {
    id: COVERAGE_ENGINE_ID,
    version: 1,
    description: 'running workloads (EC2 instances, pods, their images) that no scanner covers',
    // Scanner data comes from sources; vulns only matches what they reported, so no engine needs to run first.
    after: [],
    run: (ctx) => workloadCoverage(ctx),
  };
}
