import type { GraphBuilder, EdgeEvidence } from './graph.js';
import { Attr, Target, type NodeKindName } from './kinds.js';
import { arr, edgeRows, obj, str, assetRows, type Db, type EdgeRow, type Json, type LabelRow } from './rows.js';

export const INTERNET = 'internet';

/** The node kind an asset takes in the graph. */
export function nodeKindOf(assetKind: string): NodeKindName {
  if (['aws.ec2.instance', 'aws.lambda.function', 'k8s.pod', 'aws.ecs.task'].includes(assetKind)) return 'compute';
  if (assetKind.startsWith('aws.iam.') || assetKind === 'k8s.serviceaccount') return 'identity';
  if (['aws.ec2.security-group', 'aws.elbv2.load-balancer', 'aws.elb.load-balancer', 'k8s.service', 'k8s.ingress'].includes(assetKind)) return 'exposure';
  return 'data';
}

/** Ports an SSRF is tried on: web servers and application frameworks' defaults. */
export const WEB_PORTS: readonly number[] = [80, 443, 3000, 5000, 8000, 8080, 8443, 8888];

interface Range { protocol?: string; from?: number; to?: number; port?: number }

function opensWeb(ranges: readonly Range[]): boolean {
  return ranges.some((r) => {
    if (r.protocol && r.protocol !== 'tcp' && r.protocol !== 'all') return false;
    const from = r.from ?? r.port ?? -1;
    const to = r.to ?? r.port ?? -1;
    return WEB_PORTS.some((p) => p >= from && p <= to);
  });
}

const portText = (ranges: readonly Range[]): string =>
  ranges.map((r) => (r.protocol === 'all' ? 'every port' : `${r.protocol ?? 'tcp'}/${r.from === r.to ? r.from : `${r.from}-${r.to}`}`)).join(', ');

/**
 * Internet exposure from the labels engine's isPublic evidence (src/engines/labels/public.ts): which
 * security group, load balancer, function URL or bucket policy lets the internet in, and on which ports.
 */
export async function addExposure(db: Db, b: GraphBuilder, labels: readonly LabelRow[]): Promise<void> {
  const internet = b.node(INTERNET, 'internet', 'the internet');
  const groupsOf = new Map<string, string[]>();
  for (const e of await edgeRows(db, ['in_security_group'])) groupsOf.set(e.from_uid, [...(groupsOf.get(e.from_uid) ?? []), e.to_uid]);
  const names = new Map(labels.map((l) => [l.asset_uid, l]));
  for (const l of labels) {
    if (l.label !== 'isPublic') continue;
    const kind = nodeKindOf(l.kind);
    const asset = b.node(l.asset_uid, kind, l.name);
    for (const path of arr(l.evidence.paths).map(obj)) {
      const ports = arr(path.ports).map((p) => obj(p) as Range);
      const listeners = arr(path.listeners).map((x) => ({ port: typeof obj(x).port === 'number' ? (obj(x).port as number) : -1 }));
      if (kind === 'compute' && (opensWeb(ports) || opensWeb(listeners))) b.setAttr(asset, Attr.webExposed);
      const via = str(path.via);
      if (via === 'public-ip' || via === 'publicly-accessible') {
        const address = str(path.ip) ?? str(path.endpoint) ?? 'a public address';
        const rules = arr(path.rules).map((r) => obj(r));
        const groups = arr(path.securityGroups).map((g) => String(g));
        const known = groupsOf.get(l.asset_uid) ?? [];
        const forward: EdgeEvidence = {
          text: `${via === 'public-ip' ? `has public IP ${address}` : `is publicly accessible at ${address}`}, routed to the internet${obj(path.route).gateway ? ` through ${String(obj(path.route).gateway)}` : ''}`,
          label: 'isPublic', details: { via, route: path.route ?? null, ports },
        };
        let linked = false;
        for (const g of groups) {
          const uid = known.find((k) => k === g || k.endsWith(`/${g}`));
          if (!uid) continue;
          const open = rules.filter((r) => r.group === g) as Range[];
          const sg = b.node(uid, 'exposure', names.get(uid)?.name ?? g);
          b.edge(internet, sg, 'exposes', { text: `security group ${g} admits ${open.map((r) => str((r as Json).cidr)).find(Boolean) ?? '0.0.0.0/0'} on ${portText(open.length ? open : ports)}`, label: 'isPublic', details: { rules: open } });
          b.edge(sg, asset, 'forwards', forward);
          linked = true;
        }
        if (!linked) b.edge(internet, asset, 'exposes', { ...forward, text: `${forward.text}, open on ${portText(ports)}` });
      } else if (via === 'internet-facing-load-balancer') {
        b.edge(internet, asset, 'exposes', { text: `internet-facing load balancer listening on ${portText(ports)}`, label: 'isPublic', details: { listeners: path.listeners ?? [] } });
      } else if (via === 'load-balancer') {
        const lbUid = str(path.loadBalancer);
        if (!lbUid) continue;
        const lb = b.node(lbUid, 'exposure', names.get(lbUid)?.name ?? lbUid.split('/').slice(-2, -1)[0] ?? lbUid);
        b.edge(lb, asset, 'forwards', { text: `the load balancer forwards to it on ${portText(ports)}${str(path.targetGroup) ? ` (target group ${str(path.targetGroup)!.split(':').pop()})` : ''}`, label: 'isPublic', details: { targetGroup: path.targetGroup ?? null, ports } });
      } else if (via === 'function-url') {
        b.edge(internet, asset, 'exposes', { text: `function URL ${str(path.url) ?? ''} with AuthType NONE: anyone may invoke it`.replace('  ', ' '), label: 'isPublic' });
      } else if (via === 'bucket-policy') {
        const finding = typeof path.finding === 'number' ? path.finding : undefined;
        b.edge(internet, asset, 'public_read', { text: 'the bucket policy lets anyone read it', label: 'isPublic', rule_id: str(path.rule), ...(finding !== undefined ? { finding_id: finding } : {}) });
      }
    }
  }
}

const CLUSTER_ADMIN = /\/_cluster\/clusterrole\/cluster-admin$/;

/** Kubernetes: exposed services and ingresses, the pods they select, service accounts, IRSA roles, cluster-admin bindings, privileged pods. */
export async function addKubernetes(db: Db, b: GraphBuilder): Promise<void> {
  const internet = b.node(INTERNET, 'internet', 'the internet');
  const assets = await assetRows(db, ['k8s.service', 'k8s.ingress', 'k8s.pod']);
  const edges = await edgeRows(db, ['routes_to', 'selects', 'uses_service_account', 'assumes_role', 'binds_role', 'grants_to']);
  const byKind = (k: string): EdgeRow[] => edges.filter((e) => e.kind === k);
  const present = new Set(assets.map((a) => a.uid));
  for (const a of assets) {
    const spec = obj(a.p.spec);
    if (a.kind === 'k8s.service') {
      const type = str(spec.type);
      if (type === 'LoadBalancer' || type === 'NodePort') {
        b.edge(internet, b.node(a.uid, 'exposure', a.name), 'exposes', { text: `Service of type ${type}: reachable from outside the cluster`, details: { type } });
      }
    } else if (a.kind === 'k8s.ingress') {
      b.edge(internet, b.node(a.uid, 'exposure', a.name), 'exposes', { text: 'Ingress: routes outside traffic into the cluster' });
    } else if (a.kind === 'k8s.pod') {
      const containers = [...arr(spec.containers), ...arr(spec.initContainers)].map(obj);
      const privileged = containers.filter((c) => obj(c.securityContext).privileged === true).map((c) => str(c.name) ?? '?');
      if (privileged.length) {
        b.node(a.uid, 'compute', a.name);
        b.mark(a.uid, Target.privileged, { text: `runs privileged container${privileged.length > 1 ? 's' : ''} ${privileged.join(', ')}: one escape from the node`, details: { containers: privileged } });
      }
    }
  }
  for (const e of byKind('routes_to')) {
    if (!present.has(e.from_uid) || !b.has(e.from_uid)) continue;
    b.edge(b.node(e.from_uid, 'exposure'), b.node(e.to_uid, 'exposure'), 'forwards', { text: 'the ingress routes to this service', details: { routes: e.properties.routes ?? [] } });
  }
  for (const e of byKind('selects')) {
    if (!b.has(e.from_uid)) continue;
    b.edge(b.node(e.from_uid, 'exposure'), b.node(e.to_uid, 'compute'), 'forwards', { text: 'the service sends its traffic to this pod' });
  }
  for (const e of byKind('uses_service_account')) {
    b.edge(b.node(e.from_uid, 'compute'), b.node(e.to_uid, 'identity', e.to_uid.split('/').pop() ?? null), 'runs_as', { text: 'the pod runs as this service account (its token is mounted)' });
  }
  for (const e of byKind('assumes_role')) {
    b.edge(b.node(e.from_uid, 'identity', e.from_uid.split('/').pop() ?? null), b.node(e.to_uid, 'identity'), 'irsa', { text: 'IRSA: the service account\'s token is exchanged for this IAM role', details: { via: e.properties.via ?? 'irsa' } });
  }
  const adminBindings = new Set(byKind('binds_role').filter((e) => CLUSTER_ADMIN.test(e.to_uid) && e.from_uid.includes('/clusterrolebinding/')).map((e) => e.from_uid));
  for (const e of byKind('grants_to')) {
    if (!adminBindings.has(e.from_uid) || !e.to_uid.includes('/serviceaccount/')) continue;
    b.node(e.to_uid, 'identity', e.to_uid.split('/').pop() ?? null);
    b.mark(e.to_uid, Target.admin, { text: `bound to cluster-admin by ClusterRoleBinding ${e.from_uid.split('/').pop()}` });
  }
}
