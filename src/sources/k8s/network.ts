import { z } from 'zod';
import type { NormalizedRecord } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { k8sUid } from './kinds.js';
import type { K8sObject } from './list.js';
import { edge } from './pods.js';

const ServiceFields = z.looseObject({
  spec: z.looseObject({ selector: z.record(z.string(), z.string()).nullable().optional() }).optional(),
});

/** Pods by namespace, for selector matching. */
export type PodsByNamespace = ReadonlyMap<string, readonly K8sObject[]>;

export function podsByNamespace(pods: readonly K8sObject[]): PodsByNamespace {
  const out = new Map<string, K8sObject[]>();
  for (const p of pods) {
    const ns = p.metadata.namespace ?? '';
    const list = out.get(ns) ?? [];
    list.push(p);
    out.set(ns, list);
  }
  return out;
}

/** The pods a Service sends traffic to: same namespace, every selector label matching. No selector selects nothing. */
export function serviceEdges(scope: string, cluster: string, svc: K8sObject, pods: PodsByNamespace, where: string): NormalizedRecord[] {
  const r = ServiceFields.safeParse(svc);
  if (!r.success) throw badInput(where, `service ${svc.metadata.namespace}/${svc.metadata.name}: spec.selector: ${r.error.issues[0]!.message}`);
  const selector = Object.entries(r.data.spec?.selector ?? {});
  if (selector.length === 0) return [];
  const ns = svc.metadata.namespace;
  const uid = k8sUid(cluster, ns, 'service', svc.metadata.name);
  return (pods.get(ns ?? '') ?? [])
    .filter((p) => selector.every(([k, v]) => p.metadata.labels?.[k] === v))
    .map((p) => edge(scope, uid, 'selects', k8sUid(cluster, ns, 'pod', p.metadata.name)));
}

const Backend = z.looseObject({
  service: z.looseObject({ name: z.string().min(1), port: z.looseObject({ number: z.number().optional(), name: z.string().optional() }).optional() }).optional(),
});
const IngressFields = z.looseObject({
  spec: z.looseObject({
    defaultBackend: Backend.optional(),
    rules: z.array(z.looseObject({
      host: z.string().optional(),
      http: z.looseObject({ paths: z.array(z.looseObject({ path: z.string().optional(), backend: Backend })).default([]) }).optional(),
    })).default([]),
  }).optional(),
});

/** An Ingress's edges to its backend Services, each listing the host/path/port routes that reach it. */
export function ingressEdges(scope: string, cluster: string, ing: K8sObject, where: string): NormalizedRecord[] {
  const r = IngressFields.safeParse(ing);
  if (!r.success) throw badInput(where, `ingress ${ing.metadata.namespace}/${ing.metadata.name}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
  const routes = new Map<string, { host: string | null; path: string | null; port: number | string | null }[]>();
  const add = (backend: z.output<typeof Backend> | undefined, host: string | null, path: string | null) => {
    if (!backend?.service) return;
    const list = routes.get(backend.service.name) ?? [];
    list.push({ host, path, port: backend.service.port?.number ?? backend.service.port?.name ?? null });
    routes.set(backend.service.name, list);
  };
  add(r.data.spec?.defaultBackend, null, null);
  for (const rule of r.data.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) add(p.backend, rule.host ?? null, p.path ?? null);
  const ns = ing.metadata.namespace;
  const from = k8sUid(cluster, ns, 'ingress', ing.metadata.name);
  return [...routes].map(([svc, list]) => edge(scope, from, 'routes_to', k8sUid(cluster, ns, 'service', svc), { routes: list }));
}
