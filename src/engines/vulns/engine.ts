import type { NormalizedRecord } from '../../model/index.js';
import type { Engine, EngineContext } from '../engine.js';
import { inheritanceOf, lineages, type ImageFacts, type Lineage } from './attribution.js';
import type { OsInfo } from './distro.js';
import { exploitSignals, Spread } from './exploitability.js';
import { cvesOf, fingerprintOf, MatchGroup, vulnFinding } from './finding.js';
import { hasAdvisories, loadAdvisoryIndex, loadEpss, loadKev } from './intel-store.js';
import { installedKeys, loadAssets, loadBasedOn, openFindingsElsewhere, packagePages, priorScopes } from './inventory.js';
import { PackageMatcher } from './match.js';

export const VULNS_ENGINE_ID = 'vulns';
/** The source the pipeline runs an engine as (pipeline/analyze.ts): its finding links carry this name. */
const SOURCE = `engine:${VULNS_ENGINE_ID}`;

/** One scope per asset: a complete run of it resolves the vulnerabilities of upgraded or removed packages. */
export const vulnScope = (assetUid: string): string => `vulns:${assetUid}`;

export interface VulnsEngineOptions {
  /** Packages per keyset page. */
  pageSize?: number;
  /** Match only these assets (one image just ingested) and claim only their scopes. */
  assetUids?: readonly string[];
}

/**
 * The vulnerability matcher: every stored package against the stored OSV advisories, with base-image
 * attribution and exploitability context. Bulk by construction: the candidate advisories are loaded once
 * per run keyed by (ecosystem, name), packages are streamed in keyset pages, every range compiled once.
 */
export async function* matchVulnerabilities(ctx: EngineContext, options: VulnsEngineOptions = {}): AsyncIterable<NormalizedRecord> {
  const started = performance.now();
  const only = options.assetUids ? [...new Set(options.assetUids)] : undefined;
  const prior = await priorScopes(ctx.db, SOURCE, only?.map(vulnScope));
  if (!(await hasAdvisories(ctx.db))) {
    // No intelligence imported (or all of it withdrawn): not evidence that anything was fixed.
    ctx.log('vulns: no advisories stored; import OSV data first. Earlier matches are kept, unverified.');
    for (const scope of prior) yield { type: 'coverage', scope, coverage: 'failed', error: 'no advisories stored' };
    return;
  }

  const assets = await loadAssets(ctx.db, only);
  const images = [...assets.values()].flatMap((a): ImageFacts[] => (a.image ? [a.image] : []));
  const lineage = lineages(images, await loadBasedOn(ctx.db));
  const index = await loadAdvisoryIndex(ctx.db, await installedKeys(ctx.db, only));
  const loaded = performance.now();

  const matcher = new PackageMatcher(index);
  const stats = matcher.stats;
  const groups = new Map<string, MatchGroup>();
  const scopes = new Set<string>(prior);
  if (only) for (const uid of only) scopes.add(vulnScope(uid));
  // Packages come ordered by asset: the per-asset lookups are made once per asset, not per package.
  let current: { uid: string; gone: boolean; os: OsInfo | null; lineage: Lineage | undefined } | undefined;
  for await (const page of packagePages(ctx.db, options.pageSize ?? 5000, only)) {
    for (const pkg of page) {
      if (current?.uid !== pkg.assetUid) {
        const asset = assets.get(pkg.assetUid);
        current = { uid: pkg.assetUid, gone: asset?.gone ?? false, os: asset?.os ?? null, lineage: lineage.get(pkg.assetUid) };
        // A gone asset's scope, if it had findings, is claimed through `prior` and resolves.
        if (!current.gone) scopes.add(vulnScope(pkg.assetUid));
      }
      if (current.gone) continue;
      const matches = matcher.match(pkg, current.os);
      if (matches.length === 0) continue;
      const inheritance = inheritanceOf(current.lineage, pkg.layerDigest);
      for (const m of matches) {
        const fp = fingerprintOf(m);
        let g = groups.get(fp);
        if (!g) {
          g = new MatchGroup(fp, m.advisory.canonicalId);
          groups.set(fp, g);
        }
        g.add(m, inheritance);
      }
    }
  }

  const matched = performance.now();
  const spread = new Spread();
  const cves = new Set<string>();
  const advisoryIds = new Set<string>();
  for (const g of groups.values()) {
    const first = g.matches[0]!;
    spread.add(g.advisoryId, first.pkg.assetUid, g.inheritedOwner ?? assets.get(first.pkg.assetUid)?.owner ?? null);
    advisoryIds.add(g.advisoryId);
    for (const c of cvesOf(g)) cves.add(c);
  }
  const covered = [...scopes].map((scope) => scope.slice(vulnScope('').length));
  for (const [advisoryId, assetUid, owner] of await openFindingsElsewhere(ctx.db, [...advisoryIds], covered)) spread.add(advisoryId, assetUid, owner);
  const cveList = [...cves].sort();
  const kev = await loadKev(ctx.db, cveList);
  const epss = await loadEpss(ctx.db, cveList);

  for (const scope of [...scopes].sort()) yield { type: 'coverage', scope, coverage: 'complete' };
  for (const g of groups.values()) {
    const signals = exploitSignals(cvesOf(g), kev, epss);
    const finding = vulnFinding(g, { ...signals, spread: spread.of(g.advisoryId) });
    yield { type: 'finding', scope: vulnScope(finding.assetUid!), finding };
  }
  const s = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(1);
  ctx.log(`vulns: ${stats.packages} packages on ${scopes.size} assets against ${index.advisories} advisories (${index.entries} entries): ` +
    `${stats.matches} matches, ${groups.size} findings, ${stats.undecided} undecided, ${stats.noRelease} without a distro release, ` +
    `in ${s(started)} s (load ${s(started, loaded)}, match ${s(loaded, matched)}, context and findings ${s(matched)})`);
}

export function vulnsEngine(options: VulnsEngineOptions = {}): Engine {
  return {
    id: VULNS_ENGINE_ID,
    version: 1,
    description: 'installed packages against OSV advisories, with base-image attribution, KEV, EPSS and exploit references',
    after: [],
    run: (ctx) => matchVulnerabilities(ctx, options),
  };
}
