import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput } from '../../model/errors.js';
import { kindFile } from './dump-reader.js';
import { CLUSTER_NAME, K8S_KINDS } from './kinds.js';
import { blankValues, VALUE_KINDS } from './properties.js';
/**
 * Writes one cluster's listings in the dump layout (docs/k8s-dump-layout.md): a List per kind, as
 * `kubectl get -o json` prints it, or the Status the list failed with. Secret and ConfigMap values are
 * blanked. Each file is written whole under a temporary name first, so a dump is never half a file.
 */
export async function writeClusterDump(dir, cluster, listings) {
    if (!CLUSTER_NAME.test(cluster))
        throw badInput(dir, `cluster name ${JSON.stringify(cluster)} cannot name a dump folder`);
    await mkdir(join(dir, cluster), { recursive: true });
    for (const k of K8S_KINDS) {
        const listing = listings.get(k.name);
        if (!listing)
            continue;
        const doc = listing.status === 'ok'
            ? { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
                items: listing.items.map((i) => (VALUE_KINDS.has(k.name) ? blankValues(i) : i)) }
            : { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message: listing.error };
        const path = kindFile(dir, cluster, k);
        await writeFile(`${path}.tmp`, JSON.stringify(doc, null, 1) + '\n');
        await rename(`${path}.tmp`, path);
    }
}
//# sourceMappingURL=dump-writer.js.map