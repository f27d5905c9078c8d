import { collectCluster } from '../sources/k8s/collector.js';
import { K8S_SOURCE } from '../sources/k8s/dump-reader.js';
import { writeClusterDump } from '../sources/k8s/dump-writer.js';
import { clusterName } from '../sources/k8s/kinds.js';
import { kubeTarget } from '../sources/k8s/kubeconfig.js';
import { normalizeCluster } from '../sources/k8s/normalize.js';
import { syncRun } from './sync/run.js';
/**
 * Lists every kind of each context's cluster, then writes the dump and/or syncs it as one run per
 * cluster (source `k8s`, as the dump reader: an import of the dump and a live run are interchangeable).
 * Clusters are collected one after another, so memory follows the largest cluster.
 */
export async function collectK8s(config, options) {
    const targets = (options.contexts?.length ? options.contexts : [undefined]).map((c) => kubeTarget(config, c));
    const out = [];
    for (const target of targets) {
        const cluster = clusterName(target.context);
        const listings = await collectCluster(target, options);
        const failed = [...listings.values()].filter((l) => l.status === 'failed').length;
        const result = { context: target.context, cluster, kinds: { listed: listings.size - failed, failed } };
        if (options.dumpDir)
            await writeClusterDump(options.dumpDir, cluster, listings);
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
//# sourceMappingURL=collect-k8s.js.map