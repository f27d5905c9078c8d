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

/** Reads the present IAM inventory in two queries. */
export async function loadIamInventory(db: EngineContext['db']): Promise<IamInventory> {
  const assets = await db.query<StoredAsset>(
    `select uid, kind, name, account, properties, tags from v_assets
      where gone_at is null and not reference and kind = any($1::text[]) order by uid`,
    [[...IAM_KINDS, ...RESOURCE_KINDS]],
  );
  const edges = await db.query<StoredEdge>(
    `select distinct from_uid, kind, to_uid from relationships where kind = any($1::text[]) order by from_uid, kind, to_uid`,
    [['member_of', 'attached_policy', 'has_role']],
  );
  return { assets, edges };
}
