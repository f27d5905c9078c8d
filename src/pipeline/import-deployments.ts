import { readFile, stat } from 'node:fs/promises';
import type { Db } from '../store/db.js';
import { badInput } from '../model/errors.js';
import { MAX_JSON_BYTES, parseUntrustedJson } from '../sources/json.js';
import { DEPLOYMENTS_SOURCE, deploymentRecords, parseDeploymentEvents } from '../sources/deployments/events.js';
import { syncRun, type SyncResult } from './sync/run.js';

/** Deployment events (already parsed JSON) as one scoped run of source `deployments` (docs/deployments.md). */
export async function importDeploymentEvents(db: Db, doc: unknown, where: string, options: { owner?: string } = {}): Promise<SyncResult> {
  const events = parseDeploymentEvents(doc, where);
  // An API tenant's deployments are its own, as its report uploads are (src/server/routes/ingest.ts).
  const records = deploymentRecords(events).map((r) => (options.owner && r.type === 'asset' && !r.asset.reference
    ? { ...r, asset: { ...r.asset, owner: options.owner, ownerReason: 'tenant of the API token that posted the deployment' } } : r));
  return syncRun(db, records, { source: DEPLOYMENTS_SOURCE, where, input: { where, events: events.length, owner: options.owner ?? null } });
}

/** `mothership import deployments <file.json>`. */
export async function importDeploymentsFile(db: Db, file: string): Promise<SyncResult> {
  const info = await stat(file).catch((e: Error) => { throw badInput(file, `cannot read the file: ${e.message}`, e); });
  if (!info.isFile()) throw badInput(file, 'expected a JSON file of deployment events');
  if (info.size > MAX_JSON_BYTES) throw badInput(file, `file larger than ${MAX_JSON_BYTES} bytes`);
  return importDeploymentEvents(db, parseUntrustedJson(await readFile(file, 'utf8'), file), file);
}
