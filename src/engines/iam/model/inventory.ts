import type { EngineContext } from '../../engine.js';

/** One stored IAM entity or resource, as the engine reads it from v_assets. */
export interface StoredAsset {
  uid: string;
  kind: string;
  name: string | null;
  account: string | null;
  properties: Record<string, unknown>;
  tags: Record<string, string>;
}

export interface StoredEdge {
  from_uid: string;
  kind: string;
  to_uid: string;
}

/** What the IAM model is built from: IAM entities, the compute that carries roles, resources with policies. */
export interface IamInventory {
  assets: StoredAsset[];
  edges: StoredEdge[];
}

export const IAM_KINDS = ['aws.iam.user', 'aws.iam.group', 'aws.iam.role', 'aws.iam.policy'] as const;
/** Resources that escalation runs through (a role on compute) or that carry a resource policy. */
export const RESOURCE_KINDS = ['aws.lambda.function', 'aws.ec2.instance', 'aws.s3.bucket', 'aws.account'] as const;

/** The resources whose resource policy (`Policy`) takes part in requests: buckets and functions. */
const WITH_POLICY = ['aws.s3.bucket', 'aws.lambda.function'];

/**
 * Reads the present IAM inventory in three queries. Of a compute or storage resource only its resource
 * policy is read: the rest of its (large) configuration plays no part in IAM, and reading it (with the IAM
 * documents, in one sort) was most of the engine's store time. Each list is in uid order, as before.
 */
export async function loadIamInventory(db: EngineContext['db']): Promise<IamInventory> {
  const entities = await db.query<StoredAsset>(
    `select uid, kind, name, account, properties, tags from v_assets
      where gone_at is null and not reference and kind = any($1::text[]) order by uid`,
    [[...IAM_KINDS, 'aws.account']],
  );
  const resources = await db.query<StoredAsset>(
    `select uid, kind, name, account,
            case when kind = any($2::text[]) and properties ? 'Policy' then jsonb_build_object('Policy', properties->'Policy')
                 else '{}'::jsonb end as properties,
            tags from v_assets
      where gone_at is null and not reference and kind = any($1::text[]) order by uid`,
    [RESOURCE_KINDS.filter((k) => k !== 'aws.account'), WITH_POLICY],
  );
  const assets = [...entities, ...resources];
  const edges = await db.query<StoredEdge>(
    `select distinct from_uid, kind, to_uid from relationships where kind = any($1::text[]) order by from_uid, kind, to_uid`,
    [['member_of', 'attached_policy', 'has_role']],
  );
  return { assets, edges };
}
