export const IAM_KINDS = ['aws.iam.user', 'aws.iam.group', 'aws.iam.role', 'aws.iam.policy'];
/** Resources that escalation runs through (a role on compute) or that carry a resource policy. */
export const RESOURCE_KINDS = ['aws.lambda.function', 'aws.ec2.instance', 'aws.s3.bucket', 'aws.account'];
/** Reads the present IAM inventory in two queries. */
export async function loadIamInventory(db) {
    const assets = await db.query(`select uid, kind, name, account, properties, tags from v_assets
      where gone_at is null and not reference and kind = any($1::text[]) order by uid`, [[...IAM_KINDS, ...RESOURCE_KINDS]]);
    const edges = await db.query(`select distinct from_uid, kind, to_uid from relationships where kind = any($1::text[]) order by from_uid, kind, to_uid`, [['member_of', 'attached_policy', 'has_role']]);
    return { assets, edges };
}
//# sourceMappingURL=inventory.js.map