import { arn, awsId, tagList } from './ids.js';
/** Ports whose exposure to the internet is a finding (-1 stands for all traffic). */
export const RISKY_PORTS = [22, 3389, 5432, 9200, -1];
export const WORLD = '0.0.0.0/0';
export function tcp(port, cidrs, description, ipv6 = []) {
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
export function allTraffic(cidrs) {
    return { IpProtocol: '-1', IpRanges: cidrs.map((CidrIp) => ({ CidrIp })), Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
}
export function fromGroup(port, groupId, accountId, description) {
    const pair = description ? { Description: description, GroupId: groupId, UserId: accountId } : { GroupId: groupId, UserId: accountId };
    return { FromPort: port, IpProtocol: 'tcp', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], ToPort: port, UserIdGroupPairs: [pair] };
}
/** Collects a region's groups and classifies their exposure as it goes. */
export class GroupSet {
    rng;
    accountId;
    region;
    groups = [];
    open = [];
    web = [];
    privateOnly = [];
    constructor(rng, accountId, region) {
        this.rng = rng;
        this.accountId = accountId;
        this.region = region;
    }
    add(vpcId, name, description, ingress, tags, egress = [allTraffic([WORLD])]) {
        const id = awsId.securityGroup(this.rng);
        const group = {
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
    arnOf(ref) {
        return arn.securityGroup(this.region, this.accountId, ref.GroupId);
    }
    classify(group) {
        let riskyPrivate = false;
        let riskyPublic = false;
        for (const p of group.IpPermissions) {
            const ports = p.IpProtocol === '-1' ? [-1] : RISKY_PORTS.filter((port) => port >= 0 && port >= (p.FromPort ?? 0) && port <= (p.ToPort ?? 65535));
            for (const { CidrIp } of p.IpRanges) {
                if (CidrIp === WORLD) {
                    for (const port of ports)
                        this.open.push({ arn: group.SecurityGroupArn, port, cidr: CidrIp });
                    if (p.IpProtocol === 'tcp' && (p.FromPort === 80 || p.FromPort === 443))
                        this.web.push({ arn: group.SecurityGroupArn, port: p.FromPort, cidr: CidrIp });
                    if (ports.length > 0)
                        riskyPublic = true;
                }
                else if (ports.length > 0) {
                    if (isPrivateCidr(CidrIp))
                        riskyPrivate = true;
                    else
                        riskyPublic = true;
                }
            }
        }
        if (riskyPrivate && !riskyPublic)
            this.privateOnly.push(group.SecurityGroupArn);
    }
}
/** RFC 1918: inside 10/8, 172.16/12 or 192.168/16. */
export function isPrivateCidr(cidr) {
    const [a, b] = cidr.split('.').map(Number);
    if (a === 10)
        return true;
    if (a === 172 && b !== undefined && b >= 16 && b <= 31)
        return true;
    return a === 192 && b === 168;
}
//# sourceMappingURL=security-groups.js.map