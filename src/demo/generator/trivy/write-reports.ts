import { expectedVulnerabilities } from '../intel/expected.js';
import type { DemoVulnerability, GenerateProgress, TrivyReportEntry } from '../manifest.js';
import type { OutputTree } from '../output-tree.js';
import type { OrgPlan } from '../plan.js';
import { rngFor } from '../random.js';
import { SNAPSHOT_MS } from '../time.js';
import { buildBaseImages } from './base-images.js';
import { baseImage, productImage } from './product-images.js';
import type { ImageSpec } from './product-images.js';
import { renderReport } from './report.js';

const LOG4SHELL = 'CVE-2021-44228';

export interface ReportsResult {
  entries: TrivyReportEntry[];
  packages: number;
  vulnerabilities: number;
  /** In how many reports each CVE appears. */
  cveSpread: Map<string, number>;
  log4shellImages: string[];
  /** What the demo's OSV advisories affect on product images. */
  osvHits: DemoVulnerability[];
}

/** Writes a Trivy report per base build (owned by platform) and per service image, one at a time. */
export async function writeTrivyReports(out: OutputTree, org: OrgPlan, onProgress?: (p: GenerateProgress) => void): Promise<ReportsResult> {
  const bases = buildBaseImages(org);
  const result: ReportsResult = { entries: [], packages: 0, vulnerabilities: 0, cveSpread: new Map(), log4shellImages: [], osvHits: [] };
  const firstJava = org.services.find((s) => s.runtime === 'java');
  const total = bases.size + org.services.length;

  const write = async (image: ImageSpec, file: string, owner: string, service: string | null) => {
    const scannedMs = SNAPSHOT_MS - rngFor(org.seed, 'scan', image.ref).int(60_000, 36_000_000);
    const report = renderReport(org, image, scannedMs);
    await out.writeTrivy(file, report.json);
    result.entries.push({ file, owner, image: image.ref, service, base: image.labels['org.opencontainers.image.base.name'] ?? '', repoDigest: image.repoDigest });
    result.packages += report.packages;
    result.vulnerabilities += report.vulnerabilities;
    for (const cve of report.cves) result.cveSpread.set(cve, (result.cveSpread.get(cve) ?? 0) + 1);
    if (report.cves.has(LOG4SHELL)) result.log4shellImages.push(image.ref);
    onProgress?.({ phase: 'trivy', done: result.entries.length, total });
  };

  for (const base of bases.values()) {
    const tag = base.ref.slice(base.ref.lastIndexOf(':') + 1);
    await write(baseImage(org, base), `trivy/${base.repo.replace(/\//g, '-')}-${tag}.json`, 'platform', null);
  }
  for (const service of org.services) {
    const image = productImage(org, service, bases, service === firstJava);
    await write(image, `trivy/${service.name}.json`, service.team, service.name);
    result.osvHits.push(...expectedVulnerabilities(image, service.team, bases));
  }
  return result;
}
