import type { PlantedPort } from '../manifest.js';
import type { Rng } from '../random.js';
import { arn, awsId, tagList } from './ids.js';

/** Security groups in describe-security-groups' shape, and what each one plants. */

export interface GroupRef {
  GroupId: string;
  GroupName: string;
}

export interface Permission {
  FromPort?: number;
  IpProtocol: string;
  IpRanges: { CidrIp: string; Description?: string }[];
  Ipv6Ranges: { CidrIpv6: string; Description?: string }[];
  PrefixListIds: never[];
  ToPort?: number;
  UserIdGroupPairs: { GroupId: string; UserId: string; Description?: string }[];
}

export interface SecurityGroup {
  Description: string;
  GroupName: string;
  IpPermissions: Permission[];
  OwnerId: string;
  GroupId: string;
  IpPermissionsEgress: Permission[];
  Tags?: { Key: string; Value: string }[];
  VpcId: string;
  SecurityGroupArn: string;
}

/** Ports whose exposure to the internet is a finding (-1 stands for all traffic). */
export const RISKY_PORTS = [22, 3389, 5432, 9200, -1] as const;
export const WORLD = '0.0.0.0/0';

export function tcp(port: number, cidrs: string[], description?: string, ipv6: string[] = []): Permission {
  return {
    FromPort: port,
    IpProtocol: 'tcp',
    IpRanges: cidrs.map((CidrIp) => (description ? { CidrIp, Description: description } : { CidrIp })),
    Ipv6Ranges: ipv6.map((CidrIpv6) => ({ CidrIpv6 })),
    PrefixListIds: [],
    ToPort: port,
    UserIdGroupPairs: [],
  };
}

export function allTraffic(cidrs: string[]): Permission {
  return { IpProtocol: '-1', IpRanges: cidrs.map((CidrIp) => ({ CidrIp })), Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
}

export function fromGroup(port: number, groupId: string, accountId: string, description?: string): Permission {
  const pair = description ? { Description: description, GroupId: groupId, UserId: accountId } : { GroupId: groupId, UserId: accountId };
  return { FromPort: port, IpProtocol: 'tcp', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], ToPort: port, UserIdGroupPairs: [pair] };
}

/** Collects a region's groups and classifies their exposure as it goes. */
export class GroupSet {
  readonly groups: SecurityGroup[] = [];
  readonly open: PlantedPort[] = [];
  readonly web: PlantedPort[] = [];
  readonly privateOnly: string[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly accountId: string,
    private readonly region: string,
  ) {}

  add(vpcId: string, name: string, description: string, ingress: (self: string) => Permission[], tags: Record<string, string | undefined> | null, egress: Permission[] = [allTraffic([WORLD])]): GroupRef {
    const id = awsId.securityGroup(this.rng);
    const group: SecurityGroup = {
      Description: description,
      GroupName: name,
      IpPermissions: ingress(id),
      OwnerId: this.accountId,
      GroupId: id,
      IpPermissionsEgress: egress,
      ...(tags ? { Tags: tagList(tags) } : {}),
      VpcId: vpcId,
      SecurityGroupArn: arn.securityGroup(this.region, this.accountId, id),
    };
    this.groups.push(group);
    this.classify(group);
    return { GroupId: id, GroupName: name };
  }

  arnOf(ref: GroupRef): string {
    return arn.securityGroup(this.region, this.accountId, ref.GroupId);
  }

  private classify(group: SecurityGroup): void {
    let riskyPrivate = false;
    let riskyPublic = false;
    for (const p of group.IpPermissions) {
      const ports = p.IpProtocol === '-1' ? [-1] : RISKY_PORTS.filter((port) => port >= 0 && port >= (p.FromPort ?? 0) && port <= (p.ToPort ?? 65535));
      for (const { CidrIp } of p.IpRanges) {
        if (CidrIp === WORLD) {
          for (const port of ports) this.open.push({ arn: group.SecurityGroupArn, port, cidr: CidrIp });
          if (p.IpProtocol === 'tcp' && (p.FromPort === 80 || p.FromPort === 443)) this.web.push({ arn: group.SecurityGroupArn, port: p.FromPort, cidr: CidrIp });
          if (ports.length > 0) riskyPublic = true;
        } else if (ports.length > 0) {
          if (isPrivateCidr(CidrIp)) riskyPrivate = true;
          else riskyPublic = true;
        }
      }
    }
    if (riskyPrivate && !riskyPublic) this.privateOnly.push(group.SecurityGroupArn);
  }
}

/** RFC 1918: inside 10/8, 172.16/12 or 192.168/16. */
export function isPrivateCidr(cidr: string): boolean {
  const [a, b] = cidr.split('.').map(Number);
  if (a === 10) return true;
  if (a === 172 && b !== undefined && b >= 16 && b <= 31) return true;
  return a === 192 && b === 168;
}
