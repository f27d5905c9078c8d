import type { Queryable } from '../store/db.js';

/** The resolver's own source and scope: no import asserts these edges, so no import's sweep removes them. */
export const K8S_NODE_LINK_SOURCE = 'resolver:k8s-nodes';
export const K8S_NODE_LINK_SCOPE = 'resolver:k8s-nodes:ec2';

export interface NodeLinkCounts {
  /** Node → instance links that hold now. */
  links: number;
  /** Links added or whose properties changed. */
  written: number;
  /** Links removed: the node or the instance is gone, or the node now names another instance. */
  removed: number;
}

/**
 * The live Kubernetes nodes backed by an EC2 instance: `spec.providerID` is `aws:///<zone>/<instance id>`.
 * Matched on the instance id ending the instance's uid (`arn:aws:ec2:<region>:<account>:instance/<id>`):
 * the cluster's listing does not say the account, and instance ids are unique across AWS.
 */
const LINKS = `select n.uid as from_uid, i.uid as to_uid,
    jsonb_build_object('via', 'spec.providerID', 'providerID', n.provider_id) as properties
  from (select uid, properties->'spec'->>'providerID' as provider_id,
               substring(properties->'spec'->>'providerID' from '^aws:///[^/]*/(i-[0-9a-zA-Z]+)$') as instance_id
          from assets where kind = 'k8s.node' and gone_at is null) n
  join assets i on i.kind = 'aws.ec2.instance' and i.gone_at is null and split_part(i.uid, ':instance/', 2) = n.instance_id`;

/**
 * Links each Kubernetes node to the EC2 instance it runs on (`runs_on`, node → instance), completing
 * pod → node → instance. One statement after the imports (analyze runs it first): it writes what changed and
 * removes the links of its source that no longer hold, as a complete run of the scope would.
 */
export async function linkK8sNodes(db: Queryable, now: Date = new Date()): Promise<NodeLinkCounts> {
  const [row] = await db.query<NodeLinkCounts>(
    `with links as (${LINKS}),
     written as (
       insert into relationships as r (from_uid, kind, to_uid, source, scope, properties, first_seen)
       select from_uid, 'runs_on', to_uid, $1, $2, properties, $3 from links
       on conflict (from_uid, kind, to_uid, source) do update set properties = excluded.properties, scope = excluded.scope
       where (r.properties, r.scope) is distinct from (excluded.properties, excluded.scope)
       returning 1),
     removed as (
       delete from relationships r where r.source = $1
         and not exists (select 1 from links l where l.from_uid = r.from_uid and r.kind = 'runs_on' and l.to_uid = r.to_uid)
       returning 1)
     select (select count(*)::int from links) as links, (select count(*)::int from written) as written, (select count(*)::int from removed) as removed`,
    [K8S_NODE_LINK_SOURCE, K8S_NODE_LINK_SCOPE, now]);
  return row ?? { links: 0, written: 0, removed: 0 };
}
