import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { NormalizedRecord } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { MAX_JSON_BYTES, parseUntrustedJson } from '../json.js';
import { CLUSTER_NAME, K8S_KINDS, k8sScope, type K8sKind } from './kinds.js';
import { listItem, type K8sObject, type KindListing } from './list.js';
import { normalizeCluster } from './normalize.js';

const MixedList = z.looseObject({ items: z.array(z.unknown()).nullable() });
const Kinded = z.looseObject({ kind: z.string().min(1) });

/**
 * One List of mixed kinds, as `kubectl get pods,services,deployments -A -o json` prints it, grouped by
 * kind. Every item names its kind there; kinds this reader does not know are reported and skipped.
 */
export async function readMixedList(path: string, log: (message: string) => void): Promise<Map<string, KindListing>> {
  const info = await stat(path).catch((e: Error) => { throw badInput(path, `cannot read the file: ${e.message}`, e); });
  if (!info.isFile()) throw badInput(path, 'expected a file');
  if (info.size > MAX_JSON_BYTES) throw badInput(path, `file larger than ${MAX_JSON_BYTES} bytes`);
  const list = MixedList.safeParse(parseUntrustedJson(await readFile(path, 'utf8'), path));
  if (!list.success) throw badInput(path, 'expected a List with items (kubectl get <kinds> -A -o json)');
  const byKind = new Map<string, { kind: K8sKind; items: K8sObject[] }>();
  const unknown = new Set<string>();
  (list.data.items ?? []).forEach((item, i) => {
    const where = `${path} items[${i}]`;
    const kinded = Kinded.safeParse(item);
    if (!kinded.success) throw badInput(where, 'kind: missing; a mixed List names each item\'s kind');
    const k = K8S_KINDS.find((x) => x.kind === kinded.data.kind);
    if (!k) {
      unknown.add(kinded.data.kind);
      return;
    }
    const group = byKind.get(k.name) ?? { kind: k, items: [] };
    group.items.push(listItem(item, k, where));
    byKind.set(k.name, group);
  });
  for (const kind of [...unknown].sort()) log(`${path}: ${kind} items ignored, not a kind this reader knows`);
  return new Map([...byKind].map(([name, g]) => [name, { status: 'ok', items: g.items } satisfies KindListing]));
}

/**
 * The records of a mixed List for one cluster. Only the kinds present are covered (complete); an absent
 * kind gets no coverage statement at all, so what is stored of it is neither swept nor flagged: the file
 * simply does not speak for it.
 */
export async function mixedListRecords(path: string, cluster: string, log: (message: string) => void): Promise<NormalizedRecord[]> {
  if (!CLUSTER_NAME.test(cluster)) throw badInput('--cluster', `${cluster}: a cluster name is letters, digits, . _ - (docs/k8s-dump-layout.md)`);
  const listings = await readMixedList(path, log);
  if (listings.size === 0) throw badInput(path, 'no item of a kind this reader knows (Pod, Service, Deployment, ...)');
  const absent = new Set(K8S_KINDS.filter((k) => !listings.has(k.name)).map((k) => k8sScope(cluster, k.name)));
  return normalizeCluster(cluster, listings, path).filter((r) => !(r.type === 'coverage' && absent.has(r.scope)));
}
