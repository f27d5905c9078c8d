import type { RuleInput } from '../rule.js';

/** Ports whose exposure to the whole internet is an incident waiting to happen. */
const RISKY_PORTS = [22, 23, 3389, 5044, 9200, 3306, 5432, 1433, 27017, 6379];

export const securityGroupOpenAdminPort: RuleInput = {
  id: 'aws.ec2.security-group-open-to-world',
  title: 'Security group allows ingress from the internet to an administrative or database port',
  severity: 'high',
  frameworks: ['cis-aws-v3:5.2', 'cis-aws-v3:5.3', 'nist-csf-2:PR.IR-01'],
  rationale: 'SSH, RDP, Telnet, search and database ports reachable from 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure.',
  remediation: 'Remove the rule (aws ec2 revoke-security-group-ingress --group-id <id> --ip-permissions ...) and reach the port through a bastion, SSM Session Manager or a VPN.',
  sql: `with perms as (
  select a.uid, p.value as perm
  from v_assets a, jsonb_array_elements(coalesce(a.properties->'IpPermissions', '[]'::jsonb)) p
  where a.kind = 'aws.ec2.security-group' and a.gone_at is null
), world as (
  select uid, perm->>'IpProtocol' as protocol,
         coalesce((perm->>'FromPort')::int, 0) as from_port, coalesce((perm->>'ToPort')::int, 65535) as to_port,
         r.cidr
  from perms,
  lateral (select x->>'CidrIp' as cidr from jsonb_array_elements(coalesce(perm->'IpRanges', '[]'::jsonb)) x
           union all
           select x->>'CidrIpv6' from jsonb_array_elements(coalesce(perm->'Ipv6Ranges', '[]'::jsonb)) x) r
  where r.cidr in ('0.0.0.0/0', '::/0') and perm->>'IpProtocol' in ('tcp', '-1', '6')
)
select w.uid as asset_uid, port::text as detail,
       jsonb_build_object('port', port, 'protocol', w.protocol, 'cidr', w.cidr, 'from_port', w.from_port, 'to_port', w.to_port) as evidence
from world w, unnest(array[${RISKY_PORTS.join(', ')}]) as port
where (w.protocol = '-1' or port between w.from_port and w.to_port)`,
};
