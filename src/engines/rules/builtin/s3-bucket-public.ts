import type { RuleInput } from '../rule.js';

export const s3BucketPublic: RuleInput = {
  id: 'aws.s3.bucket-public',
  title: 'S3 bucket is readable or writable by anyone',
  severity: 'high',
  frameworks: ['cis-aws-v3:2.1.4', 'nist-csf-2:PR.DS-01'],
  rationale: 'A bucket policy granting Principal "*" without a restricting condition, or an ACL grant to AllUsers/AuthenticatedUsers, exposes the data to the internet unless Block Public Access (bucket or account level) neutralizes it.',
  remediation: 'Remove the public statement or grant, and enable Block Public Access: aws s3api put-public-access-block --bucket <name> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true (and s3control put-public-access-block for the account).',
  // RestrictPublicBuckets neutralizes public policies and IgnorePublicAcls public ACLs, at either level.
  sql: `with buckets as (
  select b.uid, b.properties as p,
         coalesce((b.properties->'PublicAccessBlock'->>'RestrictPublicBuckets')::boolean, false)
           or coalesce((acc.properties->'S3PublicAccessBlock'->>'RestrictPublicBuckets')::boolean, false) as policy_blocked,
         coalesce((b.properties->'PublicAccessBlock'->>'IgnorePublicAcls')::boolean, false)
           or coalesce((acc.properties->'S3PublicAccessBlock'->>'IgnorePublicAcls')::boolean, false) as acl_blocked
  from v_assets b
  left join v_assets acc on acc.kind = 'aws.account' and acc.account = b.account and acc.gone_at is null
  where b.kind = 'aws.s3.bucket' and b.gone_at is null
), public_statements as (
  select uid, jsonb_agg(s->'Action') as actions
  from buckets,
  lateral jsonb_array_elements(case jsonb_typeof(p->'Policy'->'Statement') when 'array' then p->'Policy'->'Statement'
                                    when 'object' then jsonb_build_array(p->'Policy'->'Statement') else '[]'::jsonb end) s
  where not policy_blocked and s->>'Effect' = 'Allow' and s->'Condition' is null
    and (s->'Principal' = '"*"'::jsonb or s->'Principal'->'AWS' = '"*"'::jsonb
         or (jsonb_typeof(s->'Principal'->'AWS') = 'array' and s->'Principal'->'AWS' ? '*'))
  group by uid
), public_grants as (
  select uid, jsonb_agg(g->>'Permission') as permissions
  from buckets, lateral jsonb_array_elements(coalesce(p->'Acl'->'Grants', '[]'::jsonb)) g
  where not acl_blocked and g->'Grantee'->>'URI' in ('http://acs.amazonaws.com/groups/global/AllUsers',
                                                     'http://acs.amazonaws.com/groups/global/AuthenticatedUsers')
  group by uid
)
select b.uid as asset_uid,
       jsonb_strip_nulls(jsonb_build_object('policy_actions', s.actions, 'acl_permissions', g.permissions)) as evidence
from buckets b left join public_statements s on s.uid = b.uid left join public_grants g on g.uid = b.uid
where s.uid is not null or g.uid is not null`,
};
