import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn, regionalArn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
import { TagList, tagMap } from './tags.js';
// RDS prints tags as `TagList`.
const VpcSecurityGroups = z.array(z.looseObject({ VpcSecurityGroupId: z.string().min(1) })).default([]);
const DbInstance = z.looseObject({
    DBInstanceIdentifier: z.string().min(1),
    DBInstanceArn: z.string().min(1),
    DBClusterIdentifier: z.string().optional(),
    PubliclyAccessible: z.boolean().optional(),
    StorageEncrypted: z.boolean().optional(),
    VpcSecurityGroups,
    DBSubnetGroup: z.looseObject({
        VpcId: z.string().optional(),
        Subnets: z.array(z.looseObject({ SubnetIdentifier: z.string().min(1) })).default([]),
    }).optional(),
    TagList: TagList.optional(),
});
const DbCluster = z.looseObject({
    DBClusterIdentifier: z.string().min(1),
    DBClusterArn: z.string().min(1),
    VpcSecurityGroups,
    AssociatedRoles: z.array(z.looseObject({ RoleArn: z.string().min(1) })).default([]),
    TagList: TagList.optional(),
});
const DbSnapshot = z.looseObject({
    DBSnapshotIdentifier: ResourceName,
    DBSnapshotArn: z.string().min(1),
    DBInstanceIdentifier: z.string().optional(),
    SnapshotType: z.string().optional(),
    TagList: TagList.optional(),
});
const DescribeDbInstances = z.looseObject({ DBInstances: z.array(DbInstance) });
const DescribeDbClusters = z.looseObject({ DBClusters: z.array(DbCluster) });
const DescribeDbSnapshots = z.looseObject({ DBSnapshots: z.array(DbSnapshot) });
const SnapshotAttributes = z.looseObject({
    DBSnapshotAttributesResult: z.looseObject({
        DBSnapshotAttributes: z.array(z.looseObject({ AttributeName: z.string(), AttributeValues: z.array(z.string()).default([]) })).default([]),
    }),
});
const CALLS = {
    instances: 'rds-describe-db-instances',
    clusters: 'rds-describe-db-clusters',
    snapshots: 'rds-describe-db-snapshots',
    attributes: 'rds-describe-db-snapshot-attributes',
};
/** Only manual snapshots can be shared; automated ones (`rds:<db>-<date>`) have no attributes to read. */
const isManual = (s) => s.SnapshotType === undefined || s.SnapshotType === 'manual';
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'rds');
    const instances = validated(DescribeDbInstances, calls.call(CALLS.instances));
    const clusters = validated(DescribeDbClusters, calls.call(CALLS.clusters));
    const snapshots = validated(DescribeDbSnapshots, calls.call(CALLS.snapshots));
    const details = new ResourceDetails(calls);
    const out = [];
    const ec2 = (type, id) => ec2Arn(region, account, type, id);
    const rds = (type, id) => regionalArn(region, account, 'rds', `${type}:${id}`);
    for (const db of instances.status === 'ok' ? instances.data.DBInstances : []) {
        const uid = db.DBInstanceArn;
        out.push(awsAsset(scope, { uid, kind: 'aws.rds.db-instance', name: db.DBInstanceIdentifier, account, region, properties: db, tags: tagMap(db.TagList) }));
        if (db.DBClusterIdentifier)
            out.push(edge(scope, uid, 'member_of', rds('cluster', db.DBClusterIdentifier)));
        for (const sg of db.VpcSecurityGroups)
            out.push(edge(scope, uid, 'in_security_group', ec2('security-group', sg.VpcSecurityGroupId)));
        if (db.DBSubnetGroup?.VpcId)
            out.push(edge(scope, uid, 'in_vpc', ec2('vpc', db.DBSubnetGroup.VpcId)));
        for (const s of db.DBSubnetGroup?.Subnets ?? [])
            out.push(edge(scope, uid, 'in_subnet', ec2('subnet', s.SubnetIdentifier)));
    }
    for (const c of clusters.status === 'ok' ? clusters.data.DBClusters : []) {
        const uid = c.DBClusterArn;
        out.push(awsAsset(scope, { uid, kind: 'aws.rds.db-cluster', name: c.DBClusterIdentifier, account, region, properties: c, tags: tagMap(c.TagList) }));
        for (const sg of c.VpcSecurityGroups)
            out.push(edge(scope, uid, 'in_security_group', ec2('security-group', sg.VpcSecurityGroupId)));
        for (const r of c.AssociatedRoles)
            out.push(edge(scope, uid, 'has_role', r.RoleArn));
    }
    for (const s of snapshots.status === 'ok' ? snapshots.data.DBSnapshots : []) {
        const uid = s.DBSnapshotArn;
        const properties = { ...s };
        if (isManual(s)) {
            const o = details.fill(properties, 'Attributes', CALLS.attributes, s.DBSnapshotIdentifier, SnapshotAttributes, [], (d) => d.DBSnapshotAttributesResult.DBSnapshotAttributes);
            // The `restore` attribute lists the accounts allowed to restore it; `all` makes it public.
            if (o.kind === 'value') {
                const attrs = SnapshotAttributes.shape.DBSnapshotAttributesResult.shape.DBSnapshotAttributes.parse(o.value);
                properties.IsPublic = attrs.some((a) => a.AttributeName === 'restore' && a.AttributeValues.includes('all'));
            }
        }
        else
            properties.IsPublic = false;
        out.push(awsAsset(scope, { uid, kind: 'aws.rds.db-snapshot', name: s.DBSnapshotIdentifier, account, region, properties, tags: tagMap(s.TagList) }));
        if (s.DBInstanceIdentifier)
            out.push(edge(scope, uid, 'snapshot_of', rds('db', s.DBInstanceIdentifier)));
    }
    const coverage = scopeCoverage(scope, [instances, clusters, snapshots], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/** RDS instances, clusters and DB snapshots of one region, scope `aws:<account>:<region>:rds`. */
export const rdsService = {
    plan: {
        calls: [CALLS.instances, CALLS.clusters, CALLS.snapshots],
        perResource: [{
                call: CALLS.attributes,
                resources: (read) => listed(read.call(CALLS.snapshots), DescribeDbSnapshots, (d) => d.DBSnapshots.filter(isManual).map((s) => s.DBSnapshotIdentifier)),
            }],
    },
    normalize,
};
//# sourceMappingURL=rds.js.map