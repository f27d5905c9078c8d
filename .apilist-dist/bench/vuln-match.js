import { vulnsEngine } from '../src/engines/vulns/engine.js';
import { indexAdvisoryPackagesSql } from '../src/findings/package-key.js';
import { settle, timed } from './settle.js';
import { ADVISORY_COLUMNS, ASSET_COLUMNS, PACKAGE_COLUMNS, PACKAGES_PER_IMAGE, advisoryRows, assetRows, imageUid, installedAdvisoryCount, packageRows, } from './synthetic-vulns.js';
export const DEFAULT_PACKAGES = 1_000_000;
/** Samples the process RSS while fn runs: the matcher's own peak, apart from the setup's. */
async function withPeakRss(fn) {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
    try {
        const result = await fn();
        peak = Math.max(peak, process.memoryUsage().rss);
        return { result, peakRssMb: Math.round(peak / 1024 / 1024) };
    }
    finally {
        clearInterval(timer);
    }
}
/** Runs the engine the way analyze does, counting what it yields (the sync that follows is store-ceiling's business). */
async function runEngine(db, log, options = {}) {
    const engine = vulnsEngine(options);
    const counts = { findings: 0, scopes: 0, inherited: 0 };
    for await (const r of engine.run({ db, now: new Date(), log })) {
        if (r.type === 'coverage')
            counts.scopes++;
        else if (r.type === 'finding') {
            counts.findings++;
            if (r.finding.properties?.inherited)
                counts.inherited++;
        }
    }
    return counts;
}
/**
 * The baseline: packages joined to advisory entries by (ecosystem, name) in plain SQL, no version ranges.
 * Nested loops are off: the planner's row estimate for jsonb_array_elements otherwise picks a nested loop
 * over the advisories for a single image, minutes instead of a second.
 */
async function sqlJoin(db, assetUid) {
    const [r] = await db.transaction(async (tx) => {
        await tx.exec('set local enable_nestloop = off');
        return tx.query(`
      select count(*)::int as n
      from packages p
      join (select split_part(e->'package'->>'ecosystem', ':', 1) as ecosystem, e->'package'->>'name' as name
            from advisories a, jsonb_array_elements(a.affected) e where a.withdrawn is null) x
        on x.ecosystem = p.ecosystem and x.name = coalesce(p.source_name, p.name)
      ${assetUid ? 'where p.asset_uid = $1' : ''}`, assetUid ? [assetUid] : []);
    });
    return r?.n ?? 0;
}
async function load(ctx, packages, advisories, images) {
    ctx.log(`setup: ${advisories} advisories (${Math.min(advisories, installedAdvisoryCount())} about installed names), ${images} images, ${images * PACKAGES_PER_IMAGE} packages`);
    const t0 = performance.now();
    await ctx.db.copyRows('advisories', ADVISORY_COLUMNS, advisoryRows(advisories));
    // What the OSV import records per advisory: the package keys the matcher selects candidates by.
    await ctx.db.exec(indexAdvisoryPackagesSql('select id, affected from advisories'));
    await ctx.db.copyRows('assets', ASSET_COLUMNS, assetRows(images));
    await ctx.db.copyRows('packages', PACKAGE_COLUMNS, packageRows(images));
    await ctx.db.exec('analyze advisories; analyze advisory_packages; analyze assets; analyze packages');
    ctx.log(`setup: loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
/**
 * The matcher over the whole estate (every package against every candidate advisory, ranges evaluated,
 * attribution and context included) against a plain SQL join of the same packages to the same advisories
 * by (ecosystem, name), in the same run; then one 400-component image alone, as after an ingest.
 */
export const vulnMatch = {
    name: 'vuln-match',
    description: `the vulnerability matcher over ${DEFAULT_PACKAGES.toLocaleString('en')} installed packages and ` +
        `${(DEFAULT_PACKAGES / 2).toLocaleString('en')} OSV advisories vs a plain SQL join by (ecosystem, name); one 400-package image alone`,
    async run(ctx) {
        const packages = ctx.rows ?? DEFAULT_PACKAGES;
        const images = Math.max(1, Math.round(packages / PACKAGES_PER_IMAGE));
        const advisories = Math.max(1000, Math.round(packages / 2));
        await load(ctx, packages, advisories, images);
        const installed = images * PACKAGES_PER_IMAGE;
        await settle(ctx.db);
        ctx.log('baseline: SQL join by (ecosystem, name)');
        const join = await timed(() => sqlJoin(ctx.db));
        ctx.log(`baseline: ${join.result} candidate pairs in ${join.seconds.toFixed(1)} s`);
        await settle(ctx.db);
        ctx.log('match: the whole estate');
        const full = await withPeakRss(() => timed(() => runEngine(ctx.db, (m) => ctx.log(m))));
        const { result: counts, seconds } = full.result;
        ctx.log(`match: ${counts.findings} findings (${counts.inherited} inherited) on ${counts.scopes} scopes in ${seconds.toFixed(1)} s, peak RSS ${full.peakRssMb} MB`);
        const one = imageUid(Math.floor(images / 2));
        await settle(ctx.db);
        const oneJoin = await timed(() => sqlJoin(ctx.db, one));
        await runEngine(ctx.db, () => undefined, { assetUids: [one] }); // warm: the latency after an ingest, caches filled
        const single = await timed(() => runEngine(ctx.db, (m) => ctx.log(m), { assetUids: [one] }));
        ctx.log(`single image: ${single.result.findings} findings in ${(single.seconds * 1000).toFixed(0)} ms (SQL join ${(oneJoin.seconds * 1000).toFixed(0)} ms)`);
        // An OSV import replaced 1,000 records (as the import would, package keys rewritten): re-match what they name.
        const changed = (await ctx.db.query(`update advisories set modified = now(), summary = coalesce(summary, '') || ' (revised)'
       where id in (select id from advisories order by md5(id) limit 1000) returning id`)).map((r) => r.id);
        await ctx.db.exec(`delete from advisory_packages where advisory_id in (select id from advisories where summary like '% (revised)');
      ${indexAdvisoryPackagesSql("select id, affected from advisories where summary like '% (revised)'")}`);
        await settle(ctx.db);
        const incremental = await timed(() => runEngine(ctx.db, (m) => ctx.log(m), { advisoryIds: changed }));
        ctx.log(`incremental: ${changed.length} changed advisories, ${incremental.result.scopes} assets re-matched, ${incremental.result.findings} findings in ${incremental.seconds.toFixed(1)} s`);
        const result = (name, n, s, baselineSeconds, extra) => ({
            name, backend: ctx.backend, value: n / s, unit: 'packages/s', baseline: n / baselineSeconds, ratio: baselineSeconds / s, ...extra,
        });
        return [
            result('vuln-match/estate', installed, seconds, join.seconds, {
                packages: installed, advisories, images, seconds, baselineSeconds: join.seconds, candidatePairs: join.result,
                findings: counts.findings, inherited: counts.inherited, matchPeakRssMb: full.peakRssMb,
            }),
            result('vuln-match/single-image', PACKAGES_PER_IMAGE, single.seconds, oneJoin.seconds, {
                latencyMs: Math.round(single.seconds * 1000), baselineMs: Math.round(oneJoin.seconds * 1000),
                findings: single.result.findings, candidatePairs: oneJoin.result,
            }),
            // The estate kept current per second; baseline: the full re-match the incremental one replaces.
            result('vuln-match/incremental-1k-advisories', installed, incremental.seconds, seconds, {
                changedAdvisories: changed.length, assets: incremental.result.scopes, seconds: incremental.seconds, fullSeconds: seconds, findings: incremental.result.findings,
            }),
        ];
    },
};
//# sourceMappingURL=vuln-match.js.map