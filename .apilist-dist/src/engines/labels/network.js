/**
 * The network facts isPublic is computed from, as pure functions over the AWS API shapes stored in asset
 * properties: which ports a security group opens to the internet, and whether a subnet routes to an
 * internet gateway.
 */
export const INTERNET_V4 = '0.0.0.0/0';
export const INTERNET_V6 = '::/0';
const PROTOCOLS = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
const record = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const list = (v) => (Array.isArray(v) ? v : []);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** The ingress rules of a security group (`IpPermissions` as describe-security-groups prints it) open to the internet. */
export function internetIngress(ipPermissions, group) {
    const out = [];
    for (const p of list(ipPermissions)) {
        const perm = record(p);
        if (!perm)
            continue;
        const raw = typeof perm.IpProtocol === 'string' || typeof perm.IpProtocol === 'number' ? String(perm.IpProtocol).toLowerCase() : '-1';
        const protocol = PROTOCOLS[raw] ?? raw;
        const all = protocol === 'all';
        // ICMP rules carry type and code in the port fields: they open no port.
        const from = all ? 0 : num(perm.FromPort) ?? 0;
        const to = all ? 65535 : num(perm.ToPort) ?? 65535;
        const cidrs = [
            ...list(perm.IpRanges).map((r) => record(r)?.CidrIp),
            ...list(perm.Ipv6Ranges).map((r) => record(r)?.CidrIpv6),
        ];
        for (const cidr of cidrs) {
            if (cidr === INTERNET_V4 || cidr === INTERNET_V6)
                out.push({ protocol, from: from < 0 ? 0 : from, to: to < 0 ? 65535 : to, cidr, group });
        }
    }
    return out;
}
/** The open rules that admit `port` over `protocol` (tcp, udp) from `cidr` (either family when omitted). */
export function rulesAdmitting(rules, port, protocol, cidr) {
    return rules.filter((r) => (r.protocol === 'all' || r.protocol === protocol) && port >= r.from && port <= r.to && (!cidr || r.cidr === cidr));
}
/** Port ranges without duplicates, sorted: the `ports` of an evidence object. */
export function portRanges(ranges) {
    const seen = new Map();
    for (const r of ranges) {
        if (r.protocol === 'icmp' || r.protocol === 'icmpv6')
            continue;
        seen.set(`${r.protocol}/${r.from}-${r.to}`, { protocol: r.protocol, from: r.from, to: r.to });
    }
    return [...seen.values()].sort((a, b) => a.from - b.from || a.to - b.to || a.protocol.localeCompare(b.protocol));
}
/** The default route (IPv4 `0.0.0.0/0` or IPv6 `::/0`) of a table to an internet gateway, if it has a working one. */
export function internetRoute(table, destination) {
    for (const r of list(table.routes)) {
        const route = record(r);
        if (!route)
            continue;
        const dest = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock;
        const gateway = typeof route.GatewayId === 'string' ? route.GatewayId : '';
        if (dest === destination && gateway.startsWith('igw-') && route.State !== 'blackhole') {
            return { routeTable: table.id, destination, gateway };
        }
    }
    return undefined;
}
/**
 * Routing of one region of one account: the route table of a subnet is its explicit association, else the
 * main table of its VPC. `known` is false for a VPC with no route table stored (its VPC scope not collected).
 */
export class Routing {
    explicit = new Map();
    main = new Map();
    vpcs = new Set();
    constructor(tables) {
        for (const t of tables) {
            this.vpcs.add(t.vpcId);
            for (const a of list(t.associations)) {
                const assoc = record(a);
                if (typeof assoc?.SubnetId === 'string')
                    this.explicit.set(assoc.SubnetId, t);
                if (assoc?.Main === true)
                    this.main.set(t.vpcId, t);
            }
        }
    }
    known(vpcId) {
        return this.vpcs.has(vpcId);
    }
    tableOf(subnetId, vpcId) {
        return this.explicit.get(subnetId) ?? this.main.get(vpcId);
    }
}
//# sourceMappingURL=network.js.map