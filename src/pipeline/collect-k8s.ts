import type { Db } from '../store/db.js';
import { collectCluster, type CollectOptions } from '../sources/k8s/collector.js';
import { K8S_SOURCE } from '../sources/k8s/dump-reader.js';
import { writeClusterDump } from '../sources/k8s/dump-writer.js';
import { clusterName } from '../sources/k8s/kinds.js';
import { kubeTarget, type Kubeconfig } from '../sources/k8s/kubeconfig.js';
import { normalizeCluster } from '../sources/k8s/normalize.js';
import { syncRun, type SyncResult } from './sync/run.js';

export interface CollectK8sOptions extends CollectOptions {
  /** Contexts to collect; none means the kubeconfig's current context. */
  contexts?: readonly string[];
  /** Write the offline dump layout here (docs/k8s-dump-layout.md). */
  dumpDir?: string;
  /** Sync into this store; without it the collection only writes the dump. */
  db?: Db;
}

export interface ClusterCollection {
  context: string;
  cluster: string;
  kinds: { listed: number; failed: number };
  sync?: SyncResult;
}

/**
 * Lists every kind of each context's cluster, then writes the dump and/or syncs it as one run per
 * cluster (source `k8s`, as the dump reader: an import of the dump and a live run are interchangeable).
 * Clusters are collected one after another, so memory follows the largest cluster.
 */
export async function collectK8s(config: Kubeconfig, options: CollectK8sOptions): Promise<ClusterCollection[]> {
  const targets = (options.contexts?.length ? options.contexts : [undefined]).map((c) => kubeTarget(config, c));
  const out: ClusterCollection[] = [];
  for (const target of targets) {
    const cluster = clusterName(target.context);
    const listings = await collectCluster(target, options);
    const failed = [...listings.values()].filter((l) => l.status === 'failed').length;
    const result: ClusterCollection = { context: target.context, cluster, kinds: { listed: listings.size - failed, failed } };
    if (options.dumpDir) await writeClusterDump(options.dumpDir, cluster, listings);
    if (options.db) {
      result.sync = await syncRun(options.db, normalizeCluster(cluster, listings, `context ${target.context}`), {
        source: K8S_SOURCE,
        where: `context ${target.context}`,
        input: { context: target.context, cluster, server: target.server, ...(options.dumpDir ? { dump: options.dumpDir } : {}) },
      });
    }
    out.push(result);
  }
  return out;
}
