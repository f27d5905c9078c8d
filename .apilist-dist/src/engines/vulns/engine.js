import { inheritanceOf, lineages, RebuildTargets } from './attribution.js';
import { fingerprintOf, MatchGroup, vulnFinding } from './finding.js';
import { describeMatched, hasAdvisories, loadAdvisoryIndex } from './intel-store.js';
import { assetsNamedBy, installedKeys, keysOf, loadAssets, packagePages, priorScopes } from './inventory.js';
import { PackageMatcher } from './match.js';
export const VULNS_ENGINE_ID = 'vulns';
/** The source the pipeline runs an engine as (pipeline/analyze.ts): its finding links carry this name. */
const SOURCE = `engine:${VULNS_ENGINE_ID}`;
/** One scope per asset: a complete run of it resolves the vulnerabilities of upgraded or removed packages. */
export const vulnScope = (assetUid) => `vulns:${assetUid}`;
/**
 * The vulnerability matcher: every stored package against the stored OSV advisories, with base-image
 * attribution and exploit references (EPSS, KEV and spread change daily: they are not in a finding's
 * content, v_finding_exploitability computes them when read). Bulk by construction: the candidate advisories are loaded once
 * per run keyed by (ecosystem, name), packages are streamed in keyset pages, every range compiled once.
 */
export async function* matchVulnerabilities(ctx, options = {}) {
    const started = performance.now();
    const named = options.advisoryIds ? await assetsNamedBy(ctx.db, options.advisoryIds) : [];
    const only = options.assetUids || options.advisoryIds ? [...new Set([...(options.assetUids ?? []), ...named])] : undefined;
    const prior = await priorScopes(ctx.db, SOURCE, only?.map(vulnScope));
    if (!(await hasAdvisories(ctx.db))) {
        // No intelligence imported (or all of it withdrawn): not evidence that anything was fixed.
        ctx.log('vulns: no advisories stored; import OSV data first. Earlier matches are kept, unverified.');
        for (const scope of prior)
            yield { type: 'coverage', scope, coverage: 'failed', error: 'no advisories stored' };
        return;
    }
    const { assets, basedOn } = await loadAssets(ctx.db, only);
    const images = [...assets.values()].flatMap((a) => (a.image ? [a.image] : []));
    const lineage = lineages(images, basedOn);
    const pageSize = options.pageSize ?? 5000;
    const pages = packagePages(ctx.db, pageSize, only)[Symbol.asyncIterator]();
    const first = await pages.next();
    // A scoped run whose packages fit in one page (an image just ingested) takes the keys from it.
    const whole = only !== undefined && (first.done || first.value.length < pageSize);
    const keys = whole ? keysOf(first.done ? [] : first.value) : await installedKeys(ctx.db, only);
    const index = await loadAdvisoryIndex(ctx.db, keys);
    const loaded = performance.now();
    const matcher = new PackageMatcher(index);
    const stats = matcher.stats;
    const groups = new Map();
    const hits = [];
    const scopes = new Set(prior);
    /** Live assets whose packages this run matched. */
    const scanned = new Set();
    if (only)
        for (const uid of only)
            scopes.add(vulnScope(uid));
    // Packages come ordered by asset: the per-asset lookups are made once per asset, not per package.
    let current;
    for (let page = first; !page.done; page = await pages.next()) {
        for (const pkg of page.value) {
            if (current?.uid !== pkg.assetUid) {
                const asset = assets.get(pkg.assetUid);
                current = { uid: pkg.assetUid, gone: asset?.gone ?? false, os: asset?.os ?? null, lineage: lineage.get(pkg.assetUid) };
                // A gone asset's scope, if it had findings, is claimed through `prior` and resolves.
                if (!current.gone) {
                    scopes.add(vulnScope(pkg.assetUid));
                    scanned.add(pkg.assetUid);
                }
            }
            if (current.gone)
                continue;
            const matches = matcher.match(pkg, current.os);
            if (matches.length === 0)
                continue;
            const inheritance = inheritanceOf(current.lineage, pkg.layerDigest);
            for (const m of matches)
                hits.push({ m, inheritance });
        }
    }
    const matched = performance.now();
    // Only now is the text of the matched advisories read (their canonical id groups the matches).
    await describeMatched(ctx.db, index, new Set(hits.map((h) => h.m.advisory)));
    for (const { m, inheritance } of hits) {
        const fp = fingerprintOf(m);
        let g = groups.get(fp);
        if (!g) {
            g = new MatchGroup(fp, m.advisory.canonicalId);
            groups.set(fp, g);
        }
        g.add(m, inheritance);
    }
    suggestRebuilds(groups.values(), images, scanned);
    for (const scope of [...scopes].sort())
        yield { type: 'coverage', scope, coverage: 'complete' };
    for (const g of groups.values()) {
        const finding = vulnFinding(g);
        yield { type: 'finding', scope: vulnScope(finding.assetUid), finding };
    }
    const s = (from, to = performance.now()) => ((to - from) / 1000).toFixed(1);
    ctx.log(`vulns: ${stats.packages} packages on ${scopes.size} assets against ${index.advisories} advisories (${index.entries} entries): ` +
        `${stats.matches} matches, ${groups.size} findings, ${stats.undecided} undecided, ${stats.noRelease} without a distro release, ` +
        `in ${s(started)} s (load ${s(started, loaded)}, match ${s(loaded, matched)}, findings ${s(matched)})`);
}
/**
 * Inherited vulnerabilities that another build of the same base repository does not have (the product
 * was built on an older build): the plan is to rebuild on that build. Known for the images matched here.
 */
function suggestRebuilds(groups, images, scanned) {
    const all = [...groups];
    if (!all.some((g) => g.inheritance))
        return;
    const targets = new RebuildTargets(images, scanned);
    const affected = new Set(all.map((g) => `${g.matches[0].pkg.assetUid}\u0000${g.advisoryId}\u0000${g.matches[0].pkg.name}`));
    for (const g of all) {
        if (!g.inheritance)
            continue;
        const name = g.matches[0].pkg.name;
        g.fixedOn = targets.find(g.inheritance, (uid) => affected.has(`${uid}\u0000${g.advisoryId}\u0000${name}`));
    }
}
export function vulnsEngine(options = {}) {
    return {
        id: VULNS_ENGINE_ID,
        version: 1,
        description: 'installed packages against OSV advisories, with base-image attribution and exploit references',
        after: [],
        run: (ctx) => matchVulnerabilities(ctx, options),
    };
}
//# sourceMappingURL=engine.js.map