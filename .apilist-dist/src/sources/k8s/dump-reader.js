import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput } from '../../model/errors.js';
import { MAX_JSON_BYTES, parseUntrustedJson } from '../json.js';
import { CLUSTER_NAME, K8S_KINDS } from './kinds.js';
import { parseListDocument } from './list.js';
import { normalizeCluster } from './normalize.js';
/** Source id shared by the dump reader and the live collector: both emit the same records for the same scopes. */
export const K8S_SOURCE = 'k8s';
/** `<dump>/<cluster>/<resource>.json` (docs/k8s-dump-layout.md). */
export function kindFile(dir, cluster, k) {
    return join(dir, cluster, `${k.resource}.json`);
}
/** One kind's file: absent → not collected (undefined); empty → failed (kubectl prints nothing when refused). */
export async function readKindFile(path, k) {
    let size;
    try {
        const info = await stat(path);
        if (!info.isFile())
            throw badInput(path, 'expected a file');
        size = info.size;
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw e;
    }
    if (size > MAX_JSON_BYTES)
        throw badInput(path, `file larger than ${MAX_JSON_BYTES} bytes`);
    const text = await readFile(path, 'utf8');
    if (text.trim() === '')
        return { status: 'failed', error: 'empty file: the list printed nothing (refused?)' };
    return parseListDocument(parseUntrustedJson(text, path), k, path);
}
/** The cluster folders of a dump, sorted; anything else is reported through `log`. */
export async function listClusters(dir, log) {
    let entries;
    try {
        entries = await readdir(dir, { withFileTypes: true });
    }
    catch (e) {
        throw badInput(dir, `cannot read the directory: ${e.message}`, e);
    }
    const clusters = [];
    for (const e of entries.filter((x) => x.isDirectory()).map((x) => x.name).sort()) {
        if (CLUSTER_NAME.test(e))
            clusters.push(e);
        else
            log(`${join(dir, e)}: ignored, not a cluster name (letters, digits, . _ -)`);
    }
    if (clusters.length === 0)
        throw badInput(dir, 'no cluster folder found; expected <cluster>/<resource>.json files, see docs/k8s-dump-layout.md');
    return clusters;
}
/** Every kind file of one cluster folder; files that name no known resource are reported through `log`. */
export async function readClusterFolder(dir, cluster, log) {
    const known = new Set(K8S_KINDS.map((k) => `${k.resource}.json`));
    for (const f of (await readdir(join(dir, cluster))).sort()) {
        if (!known.has(f))
            log(`${join(dir, cluster, f)}: ignored, not a resource this reader knows`);
    }
    const listings = new Map();
    for (const k of K8S_KINDS) {
        const listing = await readKindFile(kindFile(dir, cluster, k), k);
        if (listing)
            listings.set(k.name, listing);
    }
    if (listings.size === 0)
        throw badInput(join(dir, cluster), 'no <resource>.json file (pods.json, deployments.json, ...); see docs/k8s-dump-layout.md');
    return listings;
}
/** Reads a Kubernetes dump, one cluster at a time, so memory follows the largest cluster. */
async function* readK8sDump(dir, options) {
    for (const cluster of await listClusters(dir, options.log)) {
        yield* normalizeCluster(cluster, await readClusterFolder(dir, cluster, options.log), join(dir, cluster));
    }
}
export const k8sDump = {
    id: K8S_SOURCE,
    version: 1,
    layout: 'k8s',
    read: readK8sDump,
};
//# sourceMappingURL=dump-reader.js.map