import type { Queryable } from '../../store/db.js';
import { HitSet, type Labeler } from './labeler.js';
import {
  internetIngress, internetRoute, INTERNET_V4, INTERNET_V6, portRanges, Routing, rulesAdmitting,
  type InternetRoute, type OpenRule, type PortRange, type RouteTableFacts,
} from './network.js';

/**
 * `isPublic`: reachable from the internet along the network path. Each reason is a path object with `via`
 * and the exposed `ports`; the label's evidence lists every path and the union of their ports, which the
 * attack-path engine reads.
 */
export const IS_PUBLIC = 'isPublic';
export const PUBLIC_BUCKET_RULE = 'aws.s3.bucket-public';

type Db = Pick<Queryable, 'query'>;
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const HTTPS: PortRange[] = [{ protocol: 'tcp', from: 443, to: 443 }];

interface AssetRow { uid: string; account: string | null; region: string | null; p: Json }
interface EdgeRow { from_uid: string; kind: string; to_uid: string; properties: Json }

/** The stored facts isPublic reads, loaded once per run. */
class Network {
  readonly openRules = new Map<string, OpenRule[]>();
  private readonly routing = new Map<string, Routing>();
  private readonly edges = new Map<string, EdgeRow[]>();

  static async load(db: Db): Promise<Network> {
    const n = new Network();
    const groups = await db.query<{ uid: string; perms: unknown; id: string | null }>(
      `select uid, properties->'IpPermissions' as perms, properties->>'GroupId' as id from assets
       where kind = 'aws.ec2.security-group' and gone_at is null`);
    for (const g of groups) n.openRules.set(g.uid, internetIngress(g.perms, g.id ?? g.uid));
    const tables = await db.query<{ uid: string; account: string; region: string; id: string; vpc: string; routes: unknown; assocs: unknown }>(
      `select uid, account, region, properties->>'RouteTableId' as id, properties->>'VpcId' as vpc,
              properties->'Routes' as routes, properties->'Associations' as assocs
       from assets where kind = 'aws.ec2.route-table' and gone_at is null and properties ? 'VpcId'`);
    const byRegion = new Map<string, RouteTableFacts[]>();
    for (const t of tables) {
      const key = `${t.account}/${t.region}`;
      byRegion.set(key, [...(byRegion.get(key) ?? []), { uid: t.uid, id: t.id ?? t.uid, vpcId: t.vpc, routes: t.routes, associations: t.assocs }]);
    }
    for (const [key, list] of byRegion) n.routing.set(key, new Routing(list));
    const edges = await db.query<EdgeRow>(`select from_uid, kind, to_uid, properties from relationships where kind in ('in_security_group', 'targets')`);
    for (const e of edges) n.edges.set(e.from_uid, [...(n.edges.get(e.from_uid) ?? []), e]);
    return n;
  }

  edgesFrom(uid: string, kind: string): EdgeRow[] {
    return (this.edges.get(uid) ?? []).filter((e) => e.kind === kind);
  }

  /** Security groups of an asset and their internet-open rules; `known` is false when no group is stored. */
  groupsOf(uid: string): { groups: string[]; rules: OpenRule[]; known: boolean } {
    const groups = this.edgesFrom(uid, 'in_security_group').map((e) => e.to_uid);
    return {
      groups,
      rules: groups.flatMap((g) => this.openRules.get(g) ?? []),
      known: groups.some((g) => this.openRules.has(g)),
    };
  }

  /** The internet route of the first of `subnets` that has one; `known` is false when the VPC's routing was not collected. */
  route(a: AssetRow, subnets: readonly string[], vpcId: string | undefined, destination: typeof INTERNET_V4 | typeof INTERNET_V6): { known: boolean; route?: InternetRoute } {
    const routing = this.routing.get(`${a.account}/${a.region}`);
    if (!routing || !vpcId || !routing.known(vpcId)) return { known: false };
    for (const s of subnets) {
      const table = routing.tableOf(s, vpcId);
      const route = table && internetRoute(table, destination);
      if (route) return { known: true, route };
    }
    return { known: true };
  }
}

async function assetsOf(db: Db, kind: string, where = 'true'): Promise<AssetRow[]> {
  return db.query<AssetRow>(`select uid, account, region, properties as p from assets where kind = $1 and gone_at is null and (${where}) order by uid`, [kind]);
}

/**
 * Instances that may have a public address: a superset (publicInstances decides) found with cheap jsonb
 * operators. An instance's stored configuration is large and most have no public address: parsing every
 * one in full was most of this label's time.
 */
const MAY_HAVE_PUBLIC_ADDRESS = `properties ?| array['PublicIpAddress', 'Ipv6Address']
  or properties->'NetworkInterfaces' @> '[{"Association": {}}]' or properties->'NetworkInterfaces' @> '[{"Ipv6Addresses": [{}]}]'`;

const routeEvidence = (r: { known: boolean; route?: InternetRoute }) => (r.known ? r.route ?? null : 'not collected');

/** An instance's public addresses: IPv4 (an Elastic IP when not Amazon's) and IPv6, from the instance and its interfaces. */
function addressesOf(p: Json): { v4?: string; elastic: boolean; v6?: string } {
  const enis = arr(p.NetworkInterfaces).map(obj);
  const v4 = str(p.PublicIpAddress) ?? enis.map((e) => str(obj(e.Association).PublicIp)).find(Boolean);
  const assoc = enis.map((e) => obj(e.Association)).find((a) => a.PublicIp === v4);
  const elastic = assoc !== undefined && str(assoc.IpOwnerId) !== undefined && assoc.IpOwnerId !== 'amazon';
  const v6 = str(p.Ipv6Address) ?? enis.flatMap((e) => arr(e.Ipv6Addresses).map((x) => str(obj(x).Ipv6Address))).find(Boolean);
  return { v4, elastic, v6 };
}

function publicInstances(net: Network, instances: readonly AssetRow[], hits: HitSet): void {
  for (const a of instances) {
    const state = str(obj(a.p.State).Name);
    if (state && state !== 'running') continue;
    const ip = addressesOf(a.p);
    const { rules } = net.groupsOf(a.uid);
    const subnet = str(a.p.SubnetId);
    for (const [address, cidr] of [[ip.v4, INTERNET_V4], [ip.v6, INTERNET_V6]] as const) {
      if (!address) continue;
      const open = rules.filter((r) => r.cidr === cidr);
      if (open.length === 0) continue;
      const route = net.route(a, subnet ? [subnet] : [], str(a.p.VpcId), cidr);
      if (route.known && !route.route) continue;
      hits.add(a.uid, {
        via: 'public-ip', ip: address, ...(cidr === INTERNET_V4 ? { elasticIp: ip.elastic } : {}), route: routeEvidence(route),
        securityGroups: [...new Set(open.map((r) => r.group))].sort(), rules: open, ports: portRanges(open),
      });
    }
  }
}

interface Listener { port: number; protocols: string[]; name: string; targetGroups: string[] | null; targetPort?: number }

const protocolsOf = (p: string | undefined): string[] => {
  const u = (p ?? 'TCP').toUpperCase();
  if (u === 'UDP') return ['udp'];
  if (u === 'TCP_UDP') return ['tcp', 'udp'];
  return ['tcp'];
};

/** Listeners of an ALB/NLB (`Listeners`) with the target groups their default actions forward to (null: unknown). */
function v2Listeners(p: Json): Listener[] | undefined {
  if (!Array.isArray(p.Listeners)) return undefined;
  return p.Listeners.map(obj).flatMap((l) => {
    const port = num(l.Port);
    if (port === undefined) return [];
    const actions = arr(l.DefaultActions).map(obj);
    const groups = actions.flatMap((x) => [str(x.TargetGroupArn), ...arr(obj(x.ForwardConfig).TargetGroups).map((g) => str(obj(g).TargetGroupArn))])
      .filter((g): g is string => g !== undefined);
    return [{ port, protocols: protocolsOf(str(l.Protocol)), name: str(l.ListenerArn) ?? `${str(l.Protocol) ?? 'TCP'}:${port}`, targetGroups: actions.length ? groups : null }];
  });
}

/** Listeners of a classic load balancer (`ListenerDescriptions`), with the instance port each forwards to. */
function classicListeners(p: Json): Listener[] | undefined {
  if (!Array.isArray(p.ListenerDescriptions)) return undefined;
  return p.ListenerDescriptions.map((d) => obj(obj(d).Listener)).flatMap((l) => {
    const port = num(l.LoadBalancerPort);
    if (port === undefined) return [];
    return [{ port, protocols: ['tcp'], name: `${str(l.Protocol) ?? 'TCP'}:${port}`, targetGroups: null, targetPort: num(l.InstancePort) }];
  });
}

function publicLoadBalancers(net: Network, lbs: readonly { a: AssetRow; listeners: Listener[] | undefined }[], hits: HitSet): void {
  for (const { a, listeners } of lbs) {
    if (a.p.Scheme !== 'internet-facing' || !listeners) continue;
    const { groups, rules } = net.groupsOf(a.uid);
    // A load balancer without security groups (most NLBs) admits whatever reaches its listeners.
    const allowed = listeners.filter((l) => groups.length === 0 || l.protocols.some((pr) => rulesAdmitting(rules, l.port, pr).length > 0));
    if (allowed.length === 0) continue;
    const listenerEvidence = allowed.map((l) => ({ listener: l.name, port: l.port, protocols: l.protocols }));
    const listenerPorts = portRanges(allowed.flatMap((l) => l.protocols.map((protocol) => ({ protocol, from: l.port, to: l.port }))));
    hits.add(a.uid, { via: 'internet-facing-load-balancer', scheme: 'internet-facing', listeners: listenerEvidence, securityGroups: groups, ports: listenerPorts });
    const anyGroup = allowed.some((l) => l.targetGroups === null);
    const forwardedTo = new Set(allowed.flatMap((l) => l.targetGroups ?? []));
    for (const e of net.edgesFrom(a.uid, 'targets')) {
      const group = str(e.properties.targetGroup);
      if (group && !anyGroup && !forwardedTo.has(group)) continue;
      const targetPorts = num(e.properties.port) !== undefined ? [num(e.properties.port)!]
        : allowed.map((l) => l.targetPort).filter((x): x is number => x !== undefined);
      hits.add(e.to_uid, {
        via: 'load-balancer', loadBalancer: a.uid, ...(group ? { targetGroup: group } : {}), listeners: listenerEvidence,
        ports: targetPorts.length ? portRanges(targetPorts.map((port) => ({ protocol: 'tcp', from: port, to: port }))) : listenerPorts,
      });
    }
  }
}

function publicDatabases(net: Network, dbs: readonly AssetRow[], hits: HitSet): void {
  for (const a of dbs) {
    if (a.p.PubliclyAccessible !== true) continue;
    const port = num(obj(a.p.Endpoint).Port) ?? num(a.p.DbInstancePort);
    const { rules } = net.groupsOf(a.uid);
    const open = port !== undefined ? rulesAdmitting(rules, port, 'tcp') : rules;
    if (open.length === 0) continue;
    const group = obj(a.p.DBSubnetGroup);
    const subnets = arr(group.Subnets).map((s) => str(obj(s).SubnetIdentifier)).filter((s): s is string => s !== undefined);
    const route = net.route(a, subnets, str(group.VpcId), INTERNET_V4);
    if (route.known && !route.route) continue;
    hits.add(a.uid, {
      via: 'publicly-accessible', endpoint: str(obj(a.p.Endpoint).Address) ?? null, route: routeEvidence(route),
      securityGroups: [...new Set(open.map((r) => r.group))].sort(), rules: open,
      ports: port !== undefined ? [{ protocol: 'tcp', from: port, to: port }] : portRanges(open),
    });
  }
}

async function publicBuckets(db: Db, hits: HitSet): Promise<void> {
  const rows = await db.query<{ id: number; asset_uid: string; evidence: Json }>(
    `select id, asset_uid, evidence from findings where rule_id = $1 and status = 'open' and asset_uid is not null order by id`, [PUBLIC_BUCKET_RULE]);
  for (const f of rows) hits.add(f.asset_uid, { via: 'bucket-policy', rule: PUBLIC_BUCKET_RULE, finding: f.id, details: f.evidence, ports: HTTPS });
}

export const publicLabeler: Labeler = {
  name: IS_PUBLIC,
  labels: () => [IS_PUBLIC],
  async compute({ db }) {
    const net = await Network.load(db);
    const hits = new HitSet();
    publicInstances(net, await assetsOf(db, 'aws.ec2.instance', MAY_HAVE_PUBLIC_ADDRESS), hits);
    const v2 = (await assetsOf(db, 'aws.elbv2.load-balancer', `properties->>'Scheme' = 'internet-facing'`)).map((a) => ({ a, listeners: v2Listeners(a.p) }));
    const classic = (await assetsOf(db, 'aws.elb.load-balancer', `properties->>'Scheme' = 'internet-facing'`)).map((a) => ({ a, listeners: classicListeners(a.p) }));
    publicLoadBalancers(net, [...v2, ...classic], hits);
    publicDatabases(net, await assetsOf(db, 'aws.rds.db-instance', `properties->'PubliclyAccessible' = 'true'`), hits);
    for (const a of await assetsOf(db, 'aws.eks.cluster', `properties->'IsPublic' = 'true'`)) {
      const vpc = obj(a.p.resourcesVpcConfig);
      hits.add(a.uid, { via: 'public-endpoint', endpoint: str(a.p.endpoint) ?? null, publicAccessCidrs: arr(vpc.publicAccessCidrs).length ? vpc.publicAccessCidrs : [INTERNET_V4], ports: HTTPS });
    }
    for (const a of await assetsOf(db, 'aws.lambda.function', `properties->'PublicUrl' = 'true'`)) {
      hits.add(a.uid, { via: 'function-url', url: str(obj(a.p.FunctionUrlConfig).FunctionUrl) ?? null, authType: 'NONE', ports: HTTPS });
    }
    await publicBuckets(db, hits);
    return hits.hits(IS_PUBLIC, (paths) => ({ paths, ports: portRanges(paths.flatMap((p) => (p.ports as PortRange[]) ?? [])) }));
  },
};
