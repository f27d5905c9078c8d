import type { Db } from '../store/db.js';
import { MothershipError } from '../model/errors.js';
import { DUMP_READERS } from '../sources/registry.js';
import { K8S_SOURCE } from '../sources/k8s/dump-reader.js';
import { mixedListRecords } from '../sources/k8s/list-file.js';
import { syncRun, type SyncResult } from './sync/run.js';

/** Imports a collector's dump directory (e.g. the AWS CLI layout) as one run of its reader. */
export async function importDump(db: Db, layout: string, dir: string, options: { log?: (m: string) => void; onProgress?: (n: number) => void } = {}): Promise<SyncResult> {
  const reader = DUMP_READERS.find((r) => r.layout === layout);
  if (!reader) throw new MothershipError('UNSUPPORTED', `unknown dump layout ${layout}; known: ${DUMP_READERS.map((r) => r.layout).join(', ') || 'none'}`);
  return syncRun(db, reader.read(dir, { log: options.log ?? (() => undefined) }), {
    source: reader.id,
    where: dir,
    input: { dir, layout },
    onProgress: options.onProgress,
  });
}

/**
 * Imports one `kubectl get <kinds> -A -o json` file as a run of the k8s reader (same source and scopes as
 * a dump of that cluster): only the kinds the file holds are covered.
 */
export async function importK8sListFile(db: Db, file: string, cluster: string, options: { log?: (m: string) => void; onProgress?: (n: number) => void } = {}): Promise<SyncResult> {
  const records = await mixedListRecords(file, cluster, options.log ?? (() => undefined));
  return syncRun(db, records, { source: K8S_SOURCE, where: file, input: { file, cluster, layout: 'k8s' }, onProgress: options.onProgress });
}
