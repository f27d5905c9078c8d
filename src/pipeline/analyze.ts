import type { Db } from '../store/db.js';
import { runShared, type Engine } from '../engines/engine.js';
import type { NormalizedRecord } from '../model/index.js';
import { MothershipError } from '../model/errors.js';
import { ENGINES } from '../engines/registry.js';
import { rulesEngine } from '../engines/rules/engine.js';
import { loadRulePacks } from '../engines/rules/load.js';
import { syncRun, type SyncResult } from './sync/run.js';
import { resolveOwners } from './resolve-owners.js';
import { linkK8sNodes } from './link-k8s-nodes.js';
import { scoreRisk } from './score-risk.js';
import { scorePosture } from './score-posture.js';
import type { RiskConfig } from '../engines/risk/config.js';

/**
 * Orders engines so each runs after the engines it names in `after`; a cycle is an error. An id in `after`
 * that is not among the engines is skipped: an engine reads another's output when that engine is present.
 */
export function orderEngines(engines: readonly Engine[]): Engine[] {
  const byId = new Map(engines.map((e) => [e.id, e]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: Engine[] = [];
  const visit = (e: Engine) => {
    if (done.has(e.id)) return;
    if (visiting.has(e.id)) throw new MothershipError('CONFLICT', `engine ${e.id}: cycle in 'after'`);
    visiting.add(e.id);
    for (const dep of e.after) {
      const d = byId.get(dep);
      if (d) visit(d);
    }
    visiting.delete(e.id);
    done.add(e.id);
    order.push(e);
  };
  [...engines].sort((a, b) => a.id.localeCompare(b.id)).forEach(visit);
  return order;
}

/**
 * The engines with the rules engine evaluating the built-in rules plus the packs in `dirs`. Packs are read
 * and validated here, before anything runs, so a malformed rule file stops the analysis with nothing written.
 */
export function enginesWithRulePacks(dirs: readonly string[], engines: readonly Engine[] = ENGINES): Engine[] {
  if (dirs.length === 0) return [...engines];
  const rules = rulesEngine(loadRulePacks(dirs));
  return engines.map((e) => (e.id === rules.id ? rules : e));
}

export interface EngineResult extends SyncResult {
  engine: string;
}

/** Runs every engine over the stored inventory, each as one scoped-sync run of source `engine:<id>`. */
export async function analyze(db: Db, options: { engines?: readonly Engine[]; now?: Date; log?: (m: string) => void; risk?: RiskConfig } = {}): Promise<EngineResult[]> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  // Owners first: engines' findings inherit the owner of their asset.
  await resolveOwners(db);
  // Cross-source links no single import can make (Kubernetes node → its EC2 instance), before engines read edges.
  await linkK8sNodes(db, now);
  const results: EngineResult[] = [];
  // One memo for the run: engines reading the same model (IAM) build it once.
  const shared = runShared();
  for (const engine of orderEngines(options.engines ?? ENGINES)) {
    // Engines read through the pool while the run's transaction is not yet open: PGlite allows one
    // transaction at a time, so their records are gathered first, then synced in one transaction.
    const records: NormalizedRecord[] = [];
    for await (const r of engine.run({ db, now, log, shared })) records.push(r);
    const result = await syncRun(db, records, { source: `engine:${engine.id}`, where: `engine ${engine.id}`, now, input: { engine: engine.id, version: engine.version } });
    results.push({ ...result, engine: engine.id });
  }
  // Last: risk reads every engine's output (paths, labels), and posture reads the risk.
  await scoreRisk(db, { config: options.risk, log });
  await scorePosture(db, { now, config: options.risk });
  return results;
}
