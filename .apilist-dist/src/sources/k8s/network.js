import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { k8sUid } from './kinds.js';
import { edge } from './pods.js';
const ServiceFields = z.looseObject({
    spec: z.looseObject({ selector: z.record(z.string(), z.string()).nullable().optional() }).optional(),
});
export function podsByNamespace(pods) {
    const out = new Map();
    for (const p of pods) {
        const ns = p.metadata.namespace ?? '';
        const list = out.get(ns) ?? [];
        list.push(p);
        out.set(ns, list);
    }
    return out;
}
/** The pods a Service sends traffic to: same namespace, every selector label matching. No selector selects nothing. */
export function serviceEdges(scope, cluster, svc, pods, where) {
    const r = ServiceFields.safeParse(svc);
    if (!r.success)
        throw badInput(where, `service ${svc.metadata.namespace}/${svc.metadata.name}: spec.selector: ${r.error.issues[0].message}`);
    const selector = Object.entries(r.data.spec?.selector ?? {});
    if (selector.length === 0)
        return [];
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
export function ingressEdges(scope, cluster, ing, where) {
    const r = IngressFields.safeParse(ing);
    if (!r.success)
        throw badInput(where, `ingress ${ing.metadata.namespace}/${ing.metadata.name}: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
    const routes = new Map();
    const add = (backend, host, path) => {
        if (!backend?.service)
            return;
        const list = routes.get(backend.service.name) ?? [];
        list.push({ host, path, port: backend.service.port?.number ?? backend.service.port?.name ?? null });
        routes.set(backend.service.name, list);
    };
    add(r.data.spec?.defaultBackend, null, null);
    for (const rule of r.data.spec?.rules ?? [])
        for (const p of rule.http?.paths ?? [])
            add(p.backend, rule.host ?? null, p.path ?? null);
    const ns = ing.metadata.namespace;
    const from = k8sUid(cluster, ns, 'ingress', ing.metadata.name);
    return [...routes].map(([svc, list]) => edge(scope, from, 'routes_to', k8sUid(cluster, ns, 'service', svc), { routes: list }));
}
//# sourceMappingURL=network.js.map