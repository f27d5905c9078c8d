import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { Db, Queryable } from '../store/db.js';
import type { NormalizedRecord, ReportFile } from '../model/index.js';
import { storableText } from '../store/copy-text.js';
import { VERSION } from '../version.js';
import type { SyncCounts, SyncResult } from './sync/run.js';
import { applyTriagePolicies } from './apply-triage-policies.js';

/**
 * Re-importing a file the store already holds, unchanged, as the last run of its scopes left it: the run is
 * recorded (it confirms its scopes: scope_state moves on, so every finding's and asset's "last seen" does
 * too) without parsing or staging anything. A full re-import would write no data row either; this one also
 * skips reading 13,000 findings' worth of JSON and looking each one up.
 *
 * A run records a content key (the file's SHA-256 with the parser, its version, Mothership's version and
 * the options that shape the records) and the assets it defined or referenced. A later run of the same key
 * takes the shortcut only when all of this still holds, checked in its own transaction:
 * - the earlier run succeeded, every one of its scopes complete, and it is still the last run of this
 *   source in each of them (no run of the source touched them since: scope_state.last_run_id);
 * - its inventory is as it left it: as many packages and relationships of the source in those scopes as
 *   it saw, every asset it defined live, verified and still the source's in that scope, every asset it
 *   referenced present (its own placeholder live and in that scope);
 * - its findings are as it left them: as many of the source's links in those scopes as findings it saw,
 *   each finding open and verified (another source's run, a refingerprint or a hand edit may have resolved,
 *   flagged or removed one, which a full re-import would undo).
 * Any doubt means the ordinary path, which is always right. Labels are not checked: runs with any skip it.
 */

/** Assets a run's records defined or referenced, as the merge keeps them (the last definition wins). */
export interface RecordedAsset {
  uid: string;
  scope: string;
  reference: boolean;
}

/** A run with more assets than this records no content key: the check would cost what it saves. */
const MAX_RECORDED_ASSETS = 1000;

/** What identifies a re-import besides the bytes: what shapes the records parsed from them. */
export interface ReimportOptions {
  parser: string;
  parserVersion: number;
  type: string;
  owner: string | null;
  asset: string | null;
}

export function contentKey(fileSha256: string, o: ReimportOptions): string {
  const what = JSON.stringify([fileSha256, o.parser, o.parserVersion, o.type, o.owner, o.asset, VERSION]);
  return createHash('sha256').update(what).digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The report file with the bytes its parser reads hashed on the way (no second read): `digest()` is the
 * SHA-256 of the file once one read went through it whole (text(), or the first stream()), else undefined.
 */
export function hashingReportFile<F extends ReportFile & { path: string }>(file: F): { file: F; digest: () => string | undefined } {
  let hash: Hash | undefined;
  let digest: string | undefined;
  let reads = 0;
  const wrapped: F = {
    ...file,
    text: async () => {
      const first = reads++ === 0;
      const bytes = await readFile(file.path);
      if (first) digest = createHash('sha256').update(bytes).digest('hex');
      return bytes.toString('utf8');
    },
    stream: () => {
      if (reads++ > 0) return file.stream();
      hash = createHash('sha256');
      const h = hash;
      const source = file.stream();
      return (async function* () {
        for await (const chunk of source) {
          h.update(chunk);
          yield chunk;
        }
        digest = h.digest('hex');
      })();
    },
  };
  return { file: wrapped, digest: () => digest };
}

/** Notes the assets records define or reference, until there are too many to be worth it. */
export async function* recordAssets(records: AsyncIterable<NormalizedRecord>, into: Map<string, RecordedAsset>): AsyncIterable<NormalizedRecord> {
  for await (const r of records) {
    if (r.type === 'asset' && into.size <= MAX_RECORDED_ASSETS) {
      const uid = storableText(r.asset.uid);
      const reference = r.asset.reference === true;
      // Any definition beats a reference; of two definitions the later wins (mergeAssets).
      if (!reference || into.get(uid)?.reference !== false) into.set(uid, { uid, scope: storableText(r.scope), reference });
    }
    yield r;
  }
}

/** Records the content key on a run that succeeded, so an identical re-import can skip it. */
export async function recordContentKey(db: Db, runId: number, key: string, assets: ReadonlyMap<string, RecordedAsset>): Promise<boolean> {
  if (assets.size > MAX_RECORDED_ASSETS) return false;
  await db.query(`update runs set input = input || jsonb_build_object('contentKey', $2::text, 'assets', $3::jsonb) where id = $1 and status = 'succeeded'`,
    [runId, key, JSON.stringify([...assets.values()])]);
  return true;
}

/** Whether an earlier run may have the same content key: only then is the file hashed before parsing. */
export async function mayBeReimport(db: Db, source: string, size: number): Promise<boolean> {
  const [r] = await db.query<{ any: boolean }>(
    `select exists (select 1 from runs where source = $1 and status = 'succeeded' and input ? 'contentKey' and input->'size' = to_jsonb($2::bigint)) as any`,
    [source, size]);
  return r?.any ?? false;
}

interface PriorRun {
  id: number;
  counts: SyncCounts;
  assets: RecordedAsset[];
}

/** The checks above, in the caller's transaction; the prior run when all hold. */
async function confirmedPrior(tx: Queryable, source: string, key: string): Promise<{ prior: PriorRun; scopes: string[] } | undefined> {
  const [prior] = await tx.query<{ id: number; counts: SyncCounts; assets: RecordedAsset[] | null }>(
    `select id, counts, input->'assets' as assets from runs where source = $1 and status = 'succeeded' and input->>'contentKey' = $2
     order by id desc limit 1`, [source, key]);
  if (!prior || !Array.isArray(prior.assets) || (prior.counts.labels?.seen ?? 0) > 0) return undefined;
  // The scopes' state is read locked: a run of the source committing meanwhile waits, or made this fail.
  const scopes = await tx.query<{ scope: string; coverage: string }>('select scope, coverage from run_scopes where run_id = $1', [prior.id]);
  const states = await tx.query<{ scope: string; last_run_id: number; last_coverage: string }>(
    'select scope, last_run_id, last_coverage from scope_state where source = $1 and scope = any($2::text[]) for update',
    [source, scopes.map((s) => s.scope)]);
  const confirmed = states.filter((s) => s.last_run_id === prior.id && s.last_coverage === 'complete').length;
  if (scopes.length === 0 || scopes.some((s) => s.coverage !== 'complete') || confirmed !== scopes.length) return undefined;
  const names = scopes.map((s) => s.scope);
  const [state] = await tx.query<{ packages: number; relationships: number; links: number; stale: number; assets_ok: boolean }>(`
    select (select count(*)::int from packages where source = $1 and scope = any($2::text[])) as packages,
      (select count(*)::int from relationships where source = $1 and scope = any($2::text[])) as relationships,
      (select count(*)::int from finding_sources where source = $1 and scope = any($2::text[])) as links,
      (select count(*)::int from finding_sources s join findings f on f.id = s.finding_id
        where s.source = $1 and s.scope = any($2::text[]) and (f.status <> 'open' or f.unverified)) as stale,
      (select coalesce(bool_and(a.uid is not null and case
          when not x.reference then a.source = $1 and a.scope = x.scope and not a.reference and a.gone_at is null and not a.unverified
          else a.source <> $1 or not a.reference or (a.scope = x.scope and a.gone_at is null and not a.unverified) end), true)
        from jsonb_to_recordset($3::jsonb) as x(uid text, scope text, reference boolean) left join assets a on a.uid = x.uid) as assets_ok`,
  [source, names, JSON.stringify(prior.assets)]);
  const c = prior.counts;
  if (!state || !state.assets_ok || state.stale > 0 || state.packages !== c.packages.seen || state.relationships !== c.relationships.seen
    || state.links !== c.findings.seen) return undefined;
  return { prior: { id: prior.id, counts: c, assets: prior.assets }, scopes: names };
}

/** A run's counts with nothing changed: what the full path reports for an identical re-import. */
function unchanged(c: SyncCounts): Omit<SyncCounts, 'triage'> {
  return {
    records: c.records,
    assets: { seen: c.assets.seen, inserted: 0, updated: 0, gone: 0, unverified: 0 },
    relationships: { seen: c.relationships.seen, inserted: 0, updated: 0, deleted: 0 },
    packages: { seen: c.packages.seen, inserted: 0, updated: 0, deleted: 0 },
    findings: { seen: c.findings.seen, new: 0, updated: 0, reopened: 0, resolved: 0, unverified: 0 },
    ownersUpdated: 0,
    labels: { seen: 0, inserted: 0, updated: 0, deleted: 0, assets: 0 },
    scopes: c.scopes,
  };
}

/**
 * The run of an identical re-import, when the checks hold: the run, its scopes and their state are
 * written as a full run writes them (triage policies applied as at the end of every run), nothing else.
 * Undefined when the ordinary path must run.
 */
export async function identicalReimport(db: Db, source: string, key: string, input: Record<string, unknown>, now = new Date()): Promise<(SyncResult & { identicalTo: number }) | undefined> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    const found = await confirmedPrior(tx, source, key);
    if (!found) return undefined;
    const { prior } = found;
    const [run] = await tx.query<{ id: number }>(
      `insert into runs (source, status, started_at, input, host, pid) values ($1, 'running', $2, $3, $4, $5) returning id`,
      [source, now, JSON.stringify({ ...input, contentKey: key, assets: prior.assets, identicalTo: prior.id }), hostname(), process.pid]);
    const runId = run!.id;
    await tx.query(`insert into run_scopes (run_id, scope, coverage, error) select $1, scope, coverage, error from run_scopes where run_id = $2`, [runId, prior.id]);
    await tx.query(`update scope_state set last_run_id = $3, last_coverage = 'complete', last_attempt_at = $4,
        last_complete_run_id = $3, last_complete_at = $4, last_error = null
      where source = $1 and scope = any($2::text[])`, [source, found.scopes, runId, now]);
    const triage = await applyTriagePolicies(tx, { now, run: runId });
    const counts: SyncCounts = { ...unchanged(prior.counts), triage };
    await tx.query(`update runs set status = 'succeeded', finished_at = now(), counts = $2 where id = $1`, [runId, JSON.stringify(counts)]);
    return { runId, status: 'succeeded' as const, counts, ms: performance.now() - started, identicalTo: prior.id };
  });
}

/** Size and modification time, to know a file did not change while it was read. */
export async function fileStamp(path: string): Promise<string> {
  const s = await stat(path);
  return `${s.size}:${s.mtimeMs}`;
}
