import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrganization } from '../src/demo/generator/index.js';
import { importDump } from '../src/pipeline/import-dump.js';
import { analyze } from '../src/pipeline/analyze.js';
import { ENGINES } from '../src/engines/registry.js';
import { settle, timed } from './settle.js';
/** Resources in the analyzed inventory by default: the "≥ 50k-resource dump". */
export const DEFAULT_RESOURCES = 50_000;
/** Assets the demo generator makes per unit of scale (measured: 631 at scale 1), to size the dump. */
const ASSETS_PER_SCALE = 630;
/** Reading the whole inventory once, as an engine must at least: the floor of any analysis. */
async function readInventory(ctx) {
    await settle(ctx.db);
    const { seconds } = await timed(async () => {
        await ctx.db.query('select uid, kind, account, region, properties, tags, labels, owner from v_assets where gone_at is null');
        await ctx.db.query('select from_uid, kind, to_uid, properties from relationships');
    });
    return seconds;
}
/**
 * All posture engines (rules, IAM, labels, coverage; the matcher has no packages to match in a cloud dump) over
 * a generated AWS organization imported from its dump: the first analysis, then each engine again on the
 * unchanged inventory. Baseline: one read of every asset and relationship in the same store.
 */
export const analyzeBench = {
    name: 'analyze',
    description: `rules + IAM + labels + coverage over a generated AWS dump of ~${DEFAULT_RESOURCES.toLocaleString('en')} resources, ` +
        'first analysis and per-engine re-runs, vs one full read of the inventory',
    async run(ctx) {
        const target = ctx.rows ?? DEFAULT_RESOURCES;
        const scale = Math.max(1, Math.round(target / ASSETS_PER_SCALE));
        const dir = await mkdtemp(join(tmpdir(), 'ms-bench-analyze-'));
        try {
            ctx.log(`generating an organization at scale ${scale}`);
            const org = await generateOrganization({ outDir: dir, scale, seed: 7 });
            const { seconds: importSeconds } = await timed(() => importDump(ctx.db, 'aws', join(dir, org.awsDir)));
            const [{ n: resources } = { n: 0 }] = await ctx.db.query('select count(*)::int as n from assets where gone_at is null');
            ctx.log(`imported ${resources} resources in ${importSeconds.toFixed(1)} s`);
            const readSeconds = await readInventory(ctx);
            const baseline = resources / readSeconds;
            ctx.log(`baseline: one read of the inventory ${readSeconds.toFixed(2)} s`);
            const engines = ENGINES.filter((e) => e.id !== 'vulns');
            const results = [];
            const row = (name, seconds, extra) => ({
                name, backend: ctx.backend, value: resources / seconds, unit: 'resources/s', baseline, ratio: resources / seconds / baseline,
                rows: resources, seconds, baselineMethod: 'read-inventory', baselineSeconds: readSeconds, ...extra,
            });
            await settle(ctx.db);
            const { result: first, seconds } = await timed(() => analyze(ctx.db, { engines }));
            const findings = first.reduce((n, r) => n + r.counts.findings.new, 0);
            ctx.log(`first analysis: ${seconds.toFixed(1)} s, ${findings} findings opened`);
            results.push(row('analyze/first', seconds, { findings, engines: engines.map((e) => e.id) }));
            for (const engine of engines) {
                await settle(ctx.db);
                const { result, seconds: s } = await timed(() => analyze(ctx.db, { engines: [engine] }));
                const changed = result.reduce((n, r) => n + r.counts.findings.new + r.counts.findings.updated + r.counts.findings.resolved, 0);
                ctx.log(`${engine.id} again: ${s.toFixed(2)} s, ${changed} findings changed`);
                results.push(row(`analyze/${engine.id}`, s, { changed }));
            }
            return results;
        }
        finally {
            await rm(dir, { recursive: true, force: true });
        }
    },
};
//# sourceMappingURL=analyze.js.map