import type { RuleInput } from '../rule.js';

export const imdsv1Allowed: RuleInput = {
  id: 'aws.ec2.imdsv1-allowed',
  title: 'Instance allows IMDSv1',
  severity: 'medium',
  frameworks: ['cis-aws-v3:5.6', 'nist-csf-2:PR.PS-01'],
  rationale: 'Without session tokens, an SSRF in any application on the instance can read its role credentials from the metadata service.',
  remediation: 'aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled',
  sql: `select uid as asset_uid,
       jsonb_build_object('http_tokens', coalesce(properties->'MetadataOptions'->>'HttpTokens', 'optional'),
                          'http_endpoint', properties->'MetadataOptions'->>'HttpEndpoint') as evidence
from v_assets
where kind = 'aws.ec2.instance' and gone_at is null
  and coalesce(properties->'State'->>'Name', 'running') <> 'terminated'
  and coalesce(properties->'MetadataOptions'->>'HttpEndpoint', 'enabled') = 'enabled'
  and coalesce(properties->'MetadataOptions'->>'HttpTokens', 'optional') <> 'required'`,
};
