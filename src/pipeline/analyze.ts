import type { Db } from '../store/db.js';
import type { Engine } from '../engines/engine.js';
import type { NormalizedRecord } from '../model/index.js';
import { MothershipError } from '../model/errors.js';
import { ENGINES } from '../engines/registry.js';
import { syncRun, type SyncResult } from './sync/run.js';
import { resolveOwners } from './resolve-owners.js';

/** Orders engines so each runs after the engines it names in `after`; a cycle or unknown id is an error. */
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
      if (!d) throw new MothershipError('CONFLICT', `engine ${e.id}: runs after unknown engine ${dep}`);
      visit(d);
    }
    visiting.delete(e.id);
    done.add(e.id);
    order.push(e);
  };
  [...engines].sort((a, b) => a.id.localeCompare(b.id)).forEach(visit);
  return order;
}

export interface EngineResult extends SyncResult {
  engine: string;
}

/** Runs every engine over the stored inventory, each as one scoped-sync run of source `engine:<id>`. */
export async function analyze(db: Db, options: { engines?: readonly Engine[]; now?: Date; log?: (m: string) => void } = {}): Promise<EngineResult[]> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  // Owners first: engines' findings inherit the owner of their asset.
  await resolveOwners(db);
  const results: EngineResult[] = [];
  for (const engine of orderEngines(options.engines ?? ENGINES)) {
    // Engines read through the pool while the run's transaction is not yet open: PGlite allows one
    // transaction at a time, so their records are gathered first, then synced in one transaction.
    const records: NormalizedRecord[] = [];
    for await (const r of engine.run({ db, now, log })) records.push(r);
    const result = await syncRun(db, records, { source: `engine:${engine.id}`, where: `engine ${engine.id}`, now, input: { engine: engine.id, version: engine.version } });
    results.push({ ...result, engine: engine.id });
  }
  return results;
}
