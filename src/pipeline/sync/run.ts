import { hostname } from 'node:os';
import type { Db } from '../../store/db.js';
import type { NormalizedRecord } from '../../model/index.js';
import { MothershipError } from '../../model/errors.js';
import { STAGE_DDL, Stager } from './stage.js';
import { mergeAssets, mergePackages, mergeRelationships, type InventoryCounts } from './merge-inventory.js';
import { mergeFindings, propagateOwners, type FindingCounts } from './merge-findings.js';
import { named } from '../../store/named.js';
import { jsonText, storableText } from '../../store/copy-text.js';
import { mergeLabels, type LabelCounts } from './merge-labels.js';
import { refreshStatistics } from './statistics.js';
import { applyTriagePolicies, type TriagePolicyCounts } from '../apply-triage-policies.js';

export type RunStatus = 'succeeded' | 'partial' | 'failed';

export interface SyncCounts extends InventoryCounts {
  records: number;
  findings: FindingCounts;
  ownersUpdated: number;
  labels: LabelCounts;
  scopes: { complete: number; partial: number; failed: number };
  triage: TriagePolicyCounts;
}

export interface SyncResult {
  runId: number;
  status: RunStatus;
  counts: SyncCounts;
  ms: number;
}

export interface SyncOptions {
  /** Source id: the parser or collector id, e.g. `trivy-json`, `aws-dump`. */
  source: string;
  /** What the run read (files, options), stored on the run record. */
  input?: Record<string, unknown>;
  /** Where records come from, for error messages (a file path, a directory). */
  where?: string;
  now?: Date;
  onProgress?: (records: number) => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs left 'running' by a process of this host that no longer exists were interrupted (killed, crashed):
 * their transaction never committed, so only the run record needs closing.
 */
export async function closeInterruptedRuns(db: Db): Promise<number> {
  const running = await db.query<{ id: number; pid: number | null }>(
    `select id, pid from runs where status = 'running' and host = $1`, [hostname()]);
  const dead = running.filter((r) => r.pid !== null && r.pid !== process.pid && !isAlive(r.pid)).map((r) => r.id);
  if (dead.length === 0) return 0;
  await db.query(`update runs set status = 'interrupted', finished_at = now(), error = 'process ended before the run finished'
                  where id = any($1::bigint[])`, [dead]);
  return dead.length;
}

/**
 * Closes a run as failed. Error text quotes input, which may hold NUL bytes (kept visible as \u0000) or
 * lone surrogates; the store can hold neither. Returns why the record could not be written, or null.
 */
async function recordFailure(db: Db, runId: number, message: string): Promise<string | null> {
  // eslint-disable-next-line no-control-regex
  const error = storableText(message.replace(/\u0000/g, '\\u0000'));
  try {
    await db.query(`update runs set status = 'failed', finished_at = now(), error = $2 where id = $1`, [runId, error]);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The scoped sync every source goes through: one run of `source`, one transaction. Records are staged,
 * merged, and swept per scope by coverage. A crash or an error leaves the previous state; identical input
 * writes no data row.
 */
export async function syncRun(db: Db, records: AsyncIterable<NormalizedRecord> | Iterable<NormalizedRecord>, options: SyncOptions): Promise<SyncResult> {
  const started = performance.now();
  await closeInterruptedRuns(db);
  const now = options.now ?? new Date();
  const [run] = await db.query<{ id: number }>(
    `insert into runs (source, status, started_at, input, host, pid) values ($1, 'running', $2, $3, $4, $5) returning id`,
    [options.source, now, jsonText(options.input ?? {}), hostname(), process.pid]);
  const runId = run!.id;
  const params = { source: options.source, now, run: runId };
  try {
    const counts = await db.transaction(async (tx) => {
      await tx.exec(STAGE_DDL);
      // source and now: new findings are COPYed into findings while staging (stage.ts).
      const stager = new Stager(tx, options.where ?? options.source, undefined, { source: options.source, now });
      let n = 0;
      for await (const record of records) {
        await stager.add(record);
        n++;
        if (options.onProgress && n % 1000 === 0) options.onProgress(n);
      }
      await stager.finish();
      const dups = stager.duplicates;
      const assets = await mergeAssets(tx, params, dups.assets);
      const relationships = await mergeRelationships(tx, params, dups.relationships);
      const packages = await mergePackages(tx, params, dups.packages);
      const findings = await mergeFindings(tx, params,
        { duplicates: dups.findings, content: stager.counts.findingContent, stored: stager.counts.findingsStored, direct: stager.counts.findingsDirect });
      const ownersUpdated = await propagateOwners(tx, params);
      const labels = await mergeLabels(tx, params, stager.labels);
      // Triage policies (SLA due dates, suppressions, acceptance facts) see the run's result before it commits.
      const triage = await applyTriagePolicies(tx, { now, run: runId, opened: findings.new + findings.reopened });
      const scopes = { complete: 0, partial: 0, failed: 0 };
      for (const c of stager.coverage.values()) scopes[c.coverage]++;
      const result: SyncCounts = { records: n, assets, relationships, packages, findings, ownersUpdated, labels, scopes, triage };
      const status: RunStatus = scopes.partial + scopes.failed > 0 ? 'partial' : 'succeeded';
      const errors = [...stager.coverage].filter(([, c]) => c.error).map(([s, c]) => `${s}: ${c.error}`);
      const q = named(`
        insert into run_scopes (run_id, scope, coverage, error) select :run::bigint, scope, coverage, error from stage_scopes;`, params);
      await tx.query(q.text, q.params);
      const st = named(`insert into scope_state as st (source, scope, last_run_id, last_coverage, last_attempt_at,
          last_complete_run_id, last_complete_at, last_error)
        select :source::text, scope, :run::bigint, coverage, :now::timestamptz,
          case when coverage = 'complete' then :run::bigint end, case when coverage = 'complete' then :now::timestamptz end, error
        from stage_scopes
        on conflict (source, scope) do update set last_run_id = excluded.last_run_id, last_coverage = excluded.last_coverage,
          last_attempt_at = excluded.last_attempt_at,
          last_complete_run_id = coalesce(excluded.last_complete_run_id, st.last_complete_run_id),
          last_complete_at = coalesce(excluded.last_complete_at, st.last_complete_at), last_error = excluded.last_error`, params);
      await tx.query(st.text, st.params);
      await tx.query(`update runs set status = $2, finished_at = now(), counts = $3, error = $4 where id = $1`,
        [runId, status, JSON.stringify(result), errors.length ? errors.slice(0, 20).join('; ') : null]);
      // Transactional outbox: notifiers and event streams learn about the run only if it committed.
      if (result.findings.new + result.findings.reopened + result.findings.resolved > 0 || result.assets.inserted + result.assets.gone > 0) {
        await tx.query(`insert into outbox (topic, payload) values ('run.finished', $1)`,
          [JSON.stringify({ run: runId, source: options.source, status, findings: result.findings, assets: result.assets })]);
      }
      return { result, status };
    });
    await refreshStatistics(db, counts.result);
    return { runId, status: counts.status, counts: counts.result, ms: performance.now() - started };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const recorded = await recordFailure(db, runId, message);
    if (recorded !== null) {
      // The run stays 'running' until closeInterruptedRuns sees its process gone: say so with the cause.
      const code = e instanceof MothershipError ? e.code : 'DB';
      throw new MothershipError(code, `${options.where ?? options.source}: run ${runId} failed: ${message}; and the run could not be recorded as failed: ${recorded}`, { cause: e });
    }
    if (e instanceof MothershipError) throw e;
    throw new MothershipError('DB', `${options.where ?? options.source}: run ${runId} failed: ${message}`, { cause: e });
  }
}
