import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { TagList, tagMap } from './tags.js';
// Only the fields we read are declared; looseObject keeps every other field the CLI printed.
const Vpc = z.looseObject({ VpcId: z.string().min(1), Tags: TagList.optional() });
const Subnet = z.looseObject({ SubnetId: z.string().min(1), VpcId: z.string().min(1), MapPublicIpOnLaunch: z.boolean().optional(), Tags: TagList.optional() });
const Route = z.looseObject({
    DestinationCidrBlock: z.string().optional(),
    DestinationIpv6CidrBlock: z.string().optional(),
    GatewayId: z.string().optional(),
    NatGatewayId: z.string().optional(),
    State: z.string().optional(),
});
const RouteTable = z.looseObject({
    RouteTableId: z.string().min(1),
    VpcId: z.string().min(1),
    Routes: z.array(Route).default([]),
    Associations: z.array(z.looseObject({ Main: z.boolean().optional(), SubnetId: z.string().optional() })).default([]),
    Tags: TagList.optional(),
});
const InternetGateway = z.looseObject({
    InternetGatewayId: z.string().min(1),
    Attachments: z.array(z.looseObject({ VpcId: z.string().min(1) })).default([]),
    Tags: TagList.optional(),
});
const NatGateway = z.looseObject({
    NatGatewayId: z.string().min(1),
    State: z.string().optional(),
    SubnetId: z.string().optional(),
    VpcId: z.string().optional(),
    Tags: TagList.optional(),
});
const DescribeVpcs = z.looseObject({ Vpcs: z.array(Vpc) });
const DescribeSubnets = z.looseObject({ Subnets: z.array(Subnet) });
const DescribeRouteTables = z.looseObject({ RouteTables: z.array(RouteTable) });
const DescribeInternetGateways = z.looseObject({ InternetGateways: z.array(InternetGateway) });
const DescribeNatGateways = z.looseObject({ NatGateways: z.array(NatGateway) });
const CALLS = {
    vpcs: 'ec2-describe-vpcs',
    subnets: 'ec2-describe-subnets',
    routeTables: 'ec2-describe-route-tables',
    internetGateways: 'ec2-describe-internet-gateways',
    natGateways: 'ec2-describe-nat-gateways',
};
const DEFAULT_ROUTES = new Set(['0.0.0.0/0', '::/0']);
/** A working route to the internet: a default route (IPv4 or IPv6) to an internet gateway. */
function isInternetRoute(r) {
    const destination = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? '';
    return DEFAULT_ROUTES.has(destination) && (r.GatewayId ?? '').startsWith('igw-') && r.State !== 'blackhole';
}
/** Route table of each subnet: its explicit association, else the main table of its VPC. */
function routeTableOf(tables) {
    const explicit = new Map();
    const main = new Map();
    for (const t of tables) {
        for (const a of t.Associations) {
            if (a.SubnetId)
                explicit.set(a.SubnetId, t);
            if (a.Main)
                main.set(t.VpcId, t);
        }
    }
    return (subnetId, vpcId) => explicit.get(subnetId) ?? main.get(vpcId);
}
/** `routes_to` edges of a route table: one per gateway, with the destinations it serves. */
function routeEdges(scope, ctx, uid, table) {
    const byTarget = new Map();
    for (const r of table.Routes) {
        const target = r.NatGatewayId ? ec2Arn(ctx.region, ctx.account, 'natgateway', r.NatGatewayId)
            : r.GatewayId?.startsWith('igw-') ? ec2Arn(ctx.region, ctx.account, 'internet-gateway', r.GatewayId) : undefined;
        if (!target)
            continue;
        byTarget.set(target, [...(byTarget.get(target) ?? []), r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? '']);
    }
    return [...byTarget].map(([to, destinations]) => edge(scope, uid, 'routes_to', to, { destinations: destinations.sort() }));
}
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'vpc');
    const vpcs = validated(DescribeVpcs, calls.call(CALLS.vpcs));
    const subnets = validated(DescribeSubnets, calls.call(CALLS.subnets));
    const tables = validated(DescribeRouteTables, calls.call(CALLS.routeTables));
    const igws = validated(DescribeInternetGateways, calls.call(CALLS.internetGateways));
    const nats = validated(DescribeNatGateways, calls.call(CALLS.natGateways));
    const coverage = scopeCoverage(scope, [vpcs, subnets, tables, igws, nats]);
    const out = coverage ? [coverage] : [];
    const arn = (type, id) => ec2Arn(region, account, type, id);
    const asset = (kind, uid, id, properties, tags) => awsAsset(scope, { uid, kind, name: tags.Name ?? id, account, region, properties, tags });
    for (const v of vpcs.status === 'ok' ? vpcs.data.Vpcs : [])
        out.push(asset('aws.ec2.vpc', arn('vpc', v.VpcId), v.VpcId, v, tagMap(v.Tags)));
    const tableOf = tables.status === 'ok' ? routeTableOf(tables.data.RouteTables) : undefined;
    for (const s of subnets.status === 'ok' ? subnets.data.Subnets : []) {
        const uid = arn('subnet', s.SubnetId);
        const properties = { ...s };
        if (tableOf) {
            // Derived: a subnet is public when its route table sends the default route to an internet gateway.
            const table = tableOf(s.SubnetId, s.VpcId);
            properties.RouteTableId = table?.RouteTableId ?? null;
            properties.IsPublic = table ? table.Routes.some(isInternetRoute) : false;
        }
        out.push(asset('aws.ec2.subnet', uid, s.SubnetId, properties, tagMap(s.Tags)));
        out.push(edge(scope, uid, 'in_vpc', arn('vpc', s.VpcId)));
    }
    for (const t of tables.status === 'ok' ? tables.data.RouteTables : []) {
        const uid = arn('route-table', t.RouteTableId);
        const properties = { ...t, HasInternetRoute: t.Routes.some(isInternetRoute) };
        out.push(asset('aws.ec2.route-table', uid, t.RouteTableId, properties, tagMap(t.Tags)));
        out.push(edge(scope, uid, 'in_vpc', arn('vpc', t.VpcId)));
        for (const a of t.Associations)
            if (a.SubnetId)
                out.push(edge(scope, uid, 'associated_with', arn('subnet', a.SubnetId)));
        out.push(...routeEdges(scope, ctx, uid, t));
    }
    for (const g of igws.status === 'ok' ? igws.data.InternetGateways : []) {
        const uid = arn('internet-gateway', g.InternetGatewayId);
        out.push(asset('aws.ec2.internet-gateway', uid, g.InternetGatewayId, g, tagMap(g.Tags)));
        for (const a of g.Attachments)
            out.push(edge(scope, uid, 'attached_to', arn('vpc', a.VpcId)));
    }
    for (const n of nats.status === 'ok' ? nats.data.NatGateways : []) {
        // Deleted gateways linger in the answer for about an hour: they no longer exist.
        if (n.State === 'deleted')
            continue;
        const uid = arn('natgateway', n.NatGatewayId);
        out.push(asset('aws.ec2.nat-gateway', uid, n.NatGatewayId, n, tagMap(n.Tags)));
        if (n.SubnetId)
            out.push(edge(scope, uid, 'in_subnet', arn('subnet', n.SubnetId)));
        if (n.VpcId)
            out.push(edge(scope, uid, 'in_vpc', arn('vpc', n.VpcId)));
    }
    return out;
}
/**
 * VPCs, subnets, route tables, internet and NAT gateways of one region, scope `aws:<account>:<region>:vpc`.
 * Subnets carry the derived `RouteTableId` and `IsPublic` when route tables were read.
 */
export const vpcService = {
    plan: { calls: Object.values(CALLS), perResource: [] },
    normalize,
};
//# sourceMappingURL=vpc.js.map