import { MothershipError } from '../model/errors.js';
import { ENGINES } from '../engines/registry.js';
import { rulesEngine } from '../engines/rules/engine.js';
import { loadRulePacks } from '../engines/rules/load.js';
import { syncRun } from './sync/run.js';
import { resolveOwners } from './resolve-owners.js';
/**
 * Orders engines so each runs after the engines it names in `after`; a cycle is an error. An id in `after`
 * that is not among the engines is skipped: an engine reads another's output when that engine is present.
 */
export function orderEngines(engines) {
    const byId = new Map(engines.map((e) => [e.id, e]));
    const done = new Set();
    const visiting = new Set();
    const order = [];
    const visit = (e) => {
        if (done.has(e.id))
            return;
        if (visiting.has(e.id))
            throw new MothershipError('CONFLICT', `engine ${e.id}: cycle in 'after'`);
        visiting.add(e.id);
        for (const dep of e.after) {
            const d = byId.get(dep);
            if (d)
                visit(d);
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
export function enginesWithRulePacks(dirs, engines = ENGINES) {
    if (dirs.length === 0)
        return [...engines];
    const rules = rulesEngine(loadRulePacks(dirs));
    return engines.map((e) => (e.id === rules.id ? rules : e));
}
/** Runs every engine over the stored inventory, each as one scoped-sync run of source `engine:<id>`. */
export async function analyze(db, options = {}) {
    const now = options.now ?? new Date();
    const log = options.log ?? (() => undefined);
    // Owners first: engines' findings inherit the owner of their asset.
    await resolveOwners(db);
    const results = [];
    for (const engine of orderEngines(options.engines ?? ENGINES)) {
        // Engines read through the pool while the run's transaction is not yet open: PGlite allows one
        // transaction at a time, so their records are gathered first, then synced in one transaction.
        const records = [];
        for await (const r of engine.run({ db, now, log }))
            records.push(r);
        const result = await syncRun(db, records, { source: `engine:${engine.id}`, where: `engine ${engine.id}`, now, input: { engine: engine.id, version: engine.version } });
        results.push({ ...result, engine: engine.id });
    }
    return results;
}
//# sourceMappingURL=analyze.js.map