import type { Db } from '../../src/store/db.js';
import type { Parser } from '../../src/model/index.js';
import { syncRun, type SyncResult } from '../../src/pipeline/sync/run.js';
import { memoryReportFile } from '../../src/sources/report-file.js';

/** Ingests a report given as text, as `mothership ingest` would a file of that name. */
export function ingestText(db: Db, parser: Parser, name: string, text: string, now: Date): Promise<SyncResult> {
  return syncRun(db, parser.parse(memoryReportFile(name, text)), { source: parser.id, now, where: name });
}

/** Every data row a run may write, in a stable order: equal snapshots mean the run wrote nothing. */
export async function storeSnapshot(db: Db): Promise<Record<string, unknown[]>> {
  return {
    assets: await db.query('select * from assets order by uid'),
    packages: await db.query('select * from packages order by asset_uid, purl, path, source'),
    findings: await db.query('select * from findings order by fingerprint'),
    sources: await db.query('select * from finding_sources order by finding_id, source'),
    events: await db.query('select * from finding_events order by id'),
  };
}
