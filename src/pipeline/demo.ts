import { resolve } from 'node:path';
import type { Db } from '../store/db.js';
import { generateOrganization, type GeneratedOrg } from '../demo/generator/index.js';
import { importDump, importK8sListFile } from './import-dump.js';
import { importCatalog } from './import-catalog.js';
import { ingestFile } from './ingest.js';
import { analyze } from './analyze.js';
import { importIntel } from './intel-import.js';

export interface DemoOptions {
  scale: number;
  seed: number;
  /** Where the generated files go (kept for inspection; regenerated on every run, which is deterministic). */
  dataDir: string;
  onStep?: (step: string, done: number, total: number) => void;
}

export interface DemoSummary {
  generated: GeneratedOrg;
  runs: number;
  assets: number;
  findings: number;
  ms: number;
}

/**
 * The demo is the real pipeline on synthetic files: the generator writes an AWS CLI dump, kubectl output,
 * a service catalogue, Trivy reports, an OSV export and a KEV catalog, and they are imported exactly as a
 * user's would be. The advisories are imported before analyzing, so our matcher's findings join Trivy's.
 */
export async function runDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  // Regenerated every time: it is deterministic and cheap next to the import, and files left by an older
  // generator version must not be mistaken for the current organization.
  options.onStep?.('generate', 0, 1);
  const org: GeneratedOrg = await generateOrganization({ outDir: options.dataDir, scale: options.scale, seed: options.seed });
  const total = 5 + org.k8s.length + org.trivyReports.length;
  let done = 0;
  let runs = 0;
  options.onStep?.('import aws', done, total);
  await importDump(db, 'aws', resolve(options.dataDir, org.awsDir));
  runs++;
  done++;
  for (const cluster of org.k8s) {
    options.onStep?.('import k8s', done, total);
    await importK8sListFile(db, resolve(options.dataDir, cluster.file), cluster.cluster);
    runs++;
    done++;
  }
  options.onStep?.('import catalog', done, total);
  runs += (await importCatalog(db, [resolve(options.dataDir, org.catalogDir)])).length;
  done++;
  for (const report of org.trivyReports) {
    options.onStep?.('ingest trivy', done, total);
    await ingestFile(db, resolve(options.dataDir, report.file), { owner: report.owner, scoreRisk: false });
    runs++;
    done++;
  }
  options.onStep?.('import osv', done, total);
  await importIntel(db, resolve(options.dataDir, org.intel.osvDir), { format: 'osv' });
  runs++;
  done++;
  options.onStep?.('import kev', done, total);
  await importIntel(db, resolve(options.dataDir, org.intel.kevFile), { format: 'kev' });
  runs++;
  done++;
  options.onStep?.('analyze', done, total);
  runs += (await analyze(db)).length;
  options.onStep?.('done', total, total);
  const [counts] = await db.query<{ assets: number; findings: number }>(
    `select (select count(*)::int from assets where gone_at is null) as assets,
            (select count(*)::int from findings where status = 'open') as findings`);
  return { generated: org, runs, assets: counts?.assets ?? 0, findings: counts?.findings ?? 0, ms: performance.now() - started };
}
