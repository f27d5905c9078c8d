import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written AWS CLI output in the shapes `aws ec2 describe-*` prints.
const A = '111122223333';
const R = `${A}/us-east-1`;
const arn = (type: string, id: string) => `arn:aws:ec2:us-east-1:${A}:${type}/${id}`;
const VPC = 'vpc-0a1b2c3d4e5f60001';
const PUBLIC = 'subnet-0a1b2c3d4e5f60011';
const PRIVATE = 'subnet-0a1b2c3d4e5f60012';
const ISOLATED = 'subnet-0a1b2c3d4e5f60013';
const IGW = 'igw-0a1b2c3d4e5f60021';
const NAT = 'nat-0a1b2c3d4e5f60031';
const INSTANCE = 'i-0a1b2c3d4e5f60041';

const subnet = (id: string, az: string, cidr: string, mapPublic: boolean) => ({
  AvailabilityZone: az, AvailabilityZoneId: 'use1-az1', AvailableIpAddressCount: 250, CidrBlock: cidr, DefaultForAz: false,
  MapPublicIpOnLaunch: mapPublic, MapCustomerOwnedIpOnLaunch: false, State: 'available', SubnetId: id, VpcId: VPC, OwnerId: A,
  AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [], SubnetArn: arn('subnet', id),
  Tags: [{ Key: 'Name', Value: `net-${cidr}` }],
});
const route = (destination: string, target: Record<string, string>, state = 'active') =>
  ({ DestinationCidrBlock: destination, ...target, Origin: 'CreateRoute', State: state });

const files: Record<string, unknown> = {
  [`${R}/ec2-describe-vpcs.json`]: { Vpcs: [{
    CidrBlock: '10.0.0.0/16', DhcpOptionsId: 'dopt-0a1b2c3d', State: 'available', VpcId: VPC, OwnerId: A, InstanceTenancy: 'default',
    CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-01', CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
    IsDefault: false, Tags: [{ Key: 'Name', Value: 'prod' }, { Key: 'team', Value: 'network' }],
  }] },
  [`${R}/ec2-describe-subnets.json`]: { Subnets: [subnet(PUBLIC, 'us-east-1a', '10.0.1.0/24', true), subnet(PRIVATE, 'us-east-1b', '10.0.2.0/24', false),
    subnet(ISOLATED, 'us-east-1c', '10.0.3.0/24', false)] },
  [`${R}/ec2-describe-route-tables.json`]: { RouteTables: [
    { Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-01', RouteTableId: 'rtb-0000000000000main', AssociationState: { State: 'associated' } }],
      PropagatingVgws: [], RouteTableId: 'rtb-0000000000000main', Routes: [route('10.0.0.0/16', { GatewayId: 'local' })], Tags: [], VpcId: VPC, OwnerId: A },
    { Associations: [{ Main: false, RouteTableAssociationId: 'rtbassoc-02', RouteTableId: 'rtb-00000000000public', SubnetId: PUBLIC, AssociationState: { State: 'associated' } }],
      PropagatingVgws: [], RouteTableId: 'rtb-00000000000public',
      Routes: [route('10.0.0.0/16', { GatewayId: 'local' }), route('0.0.0.0/0', { GatewayId: IGW }),
        { DestinationIpv6CidrBlock: '::/0', GatewayId: IGW, Origin: 'CreateRoute', State: 'active' }],
      Tags: [{ Key: 'Name', Value: 'public' }], VpcId: VPC, OwnerId: A },
    { Associations: [{ Main: false, RouteTableAssociationId: 'rtbassoc-03', RouteTableId: 'rtb-0000000000private', SubnetId: PRIVATE, AssociationState: { State: 'associated' } }],
      PropagatingVgws: [], RouteTableId: 'rtb-0000000000private',
      Routes: [route('10.0.0.0/16', { GatewayId: 'local' }), route('0.0.0.0/0', { NatGatewayId: NAT })], Tags: [], VpcId: VPC, OwnerId: A },
  ] },
  [`${R}/ec2-describe-internet-gateways.json`]: { InternetGateways: [{ Attachments: [{ State: 'available', VpcId: VPC }], InternetGatewayId: IGW, OwnerId: A, Tags: [] }] },
  [`${R}/ec2-describe-nat-gateways.json`]: { NatGateways: [
    { CreateTime: '2025-01-01T00:00:00+00:00', NatGatewayAddresses: [{ AllocationId: 'eipalloc-01', NetworkInterfaceId: 'eni-0a1b2c3d4e5f60091', PrivateIp: '10.0.1.5', PublicIp: '3.3.3.3', IsPrimary: true, Status: 'succeeded' }],
      NatGatewayId: NAT, State: 'available', SubnetId: PUBLIC, VpcId: VPC, Tags: [], ConnectivityType: 'public' },
    { CreateTime: '2024-01-01T00:00:00+00:00', NatGatewayAddresses: [], NatGatewayId: 'nat-0deleted000000001', State: 'deleted', SubnetId: PUBLIC, VpcId: VPC, ConnectivityType: 'public' },
  ] },
  [`${R}/ec2-describe-network-interfaces.json`]: { NetworkInterfaces: [{
    Association: { IpOwnerId: 'amazon', PublicDnsName: 'ec2-54-1-2-3.compute-1.amazonaws.com', PublicIp: '54.1.2.3' },
    Attachment: { AttachTime: '2025-01-01T00:00:00+00:00', AttachmentId: 'eni-attach-01', DeleteOnTermination: true, DeviceIndex: 0, Status: 'attached', InstanceOwnerId: A, InstanceId: INSTANCE },
    AvailabilityZone: 'us-east-1a', Description: '', Groups: [{ GroupName: 'web', GroupId: 'sg-0a1b2c3d4e5f60051' }], InterfaceType: 'interface',
    MacAddress: '02:00:00:00:00:01', NetworkInterfaceId: 'eni-0a1b2c3d4e5f60061', OwnerId: A, PrivateIpAddress: '10.0.1.10',
    RequesterManaged: false, SourceDestCheck: true, Status: 'in-use', SubnetId: PUBLIC, TagSet: [{ Key: 'Name', Value: 'web-eth0' }], VpcId: VPC,
  }] },
  [`${R}/ec2-describe-volumes.json`]: { Volumes: [
    { Attachments: [{ AttachTime: '2025-01-01T00:00:00+00:00', Device: '/dev/xvda', InstanceId: INSTANCE, State: 'attached', VolumeId: 'vol-0a1b2c3d4e5f60071', DeleteOnTermination: true }],
      AvailabilityZone: 'us-east-1a', CreateTime: '2025-01-01T00:00:00+00:00', Encrypted: false, Size: 8, SnapshotId: 'snap-0a1b2c3d4e5f60081',
      State: 'in-use', VolumeId: 'vol-0a1b2c3d4e5f60071', Iops: 3000, VolumeType: 'gp3', MultiAttachEnabled: false, Throughput: 125 },
    { Attachments: [], AvailabilityZone: 'us-east-1b', CreateTime: '2025-01-02T00:00:00+00:00', Encrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      Size: 100, SnapshotId: '', State: 'available', VolumeId: 'vol-0a1b2c3d4e5f60072', VolumeType: 'gp3', Tags: [{ Key: 'Name', Value: 'data' }] },
  ] },
  [`${R}/ec2-describe-snapshots.json`]: { Snapshots: [
    { Description: 'nightly', Encrypted: false, OwnerId: A, Progress: '100%', SnapshotId: 'snap-0a1b2c3d4e5f60081', StartTime: '2025-02-01T00:00:00+00:00',
      State: 'completed', VolumeId: 'vol-0a1b2c3d4e5f60071', VolumeSize: 8, StorageTier: 'standard' },
    { Description: 'Copied from snap-x', Encrypted: true, OwnerId: A, Progress: '100%', SnapshotId: 'snap-0a1b2c3d4e5f60082', StartTime: '2025-02-02T00:00:00+00:00',
      State: 'completed', VolumeId: 'vol-ffffffff', VolumeSize: 8 },
    { Description: 'shared with a partner', Encrypted: false, OwnerId: A, SnapshotId: 'snap-0a1b2c3d4e5f60083', State: 'completed', VolumeId: 'vol-0a1b2c3d4e5f60072', VolumeSize: 100 },
  ] },
  [`${R}/ec2-describe-snapshot-attribute/snap-0a1b2c3d4e5f60081.json`]: { SnapshotId: 'snap-0a1b2c3d4e5f60081', CreateVolumePermissions: [{ Group: 'all' }] },
  [`${R}/ec2-describe-snapshot-attribute/snap-0a1b2c3d4e5f60083.json`]: { SnapshotId: 'snap-0a1b2c3d4e5f60083', CreateVolumePermissions: [{ UserId: '444455556666' }] },
  [`${R}/ec2-describe-snapshot-attribute/snap-0a1b2c3d4e5f60082.json`]: accessDenied('ec2:DescribeSnapshotAttribute'),
  [`${R}/ec2-describe-images.json`]: { Images: [
    { Architecture: 'x86_64', CreationDate: '2025-03-01T00:00:00.000Z', ImageId: 'ami-0a1b2c3d4e5f60101', ImageLocation: `${A}/golden`, ImageType: 'machine',
      Public: false, OwnerId: A, PlatformDetails: 'Linux/UNIX', State: 'available', Name: 'golden-2025-03',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, SnapshotId: 'snap-0a1b2c3d4e5f60081', VolumeSize: 8, VolumeType: 'gp3', Encrypted: false } }],
      RootDeviceName: '/dev/xvda', RootDeviceType: 'ebs', VirtualizationType: 'hvm' },
    { Architecture: 'x86_64', ImageId: 'ami-0a1b2c3d4e5f60102', ImageType: 'machine', Public: false, OwnerId: A, State: 'available', Name: 'shared-ami',
      BlockDeviceMappings: [], RootDeviceType: 'ebs' },
  ] },
  [`${R}/ec2-describe-image-attribute/ami-0a1b2c3d4e5f60101.json`]: { ImageId: 'ami-0a1b2c3d4e5f60101', LaunchPermissions: [{ Group: 'all' }] },
  [`${R}/ec2-describe-image-attribute/ami-0a1b2c3d4e5f60102.json`]: { ImageId: 'ami-0a1b2c3d4e5f60102', LaunchPermissions: [{ UserId: '444455556666' }] },
  // A second region: network calls refused or partly collected.
  [`${A}/eu-west-1/ec2-describe-vpcs.json`]: accessDenied('ec2:DescribeVpcs'),
  [`${A}/eu-west-1/ec2-describe-subnets.json`]: { Subnets: [subnet('subnet-0eu0000000000001', 'eu-west-1a', '10.1.0.0/24', true)] },
  [`${A}/eu-west-1/ec2-describe-volumes.json`]: { Volumes: [] },
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: VPC networking', () => {
  it('emits VPCs, subnets, route tables and gateways keyed by ARN, in the region vpc scope', () => {
    expect(d.asset(arn('vpc', VPC))).toMatchObject({ kind: 'aws.ec2.vpc', name: 'prod', region: 'us-east-1', owner: 'network' });
    expect(d.asset(arn('subnet', PUBLIC))).toMatchObject({ kind: 'aws.ec2.subnet', name: 'net-10.0.1.0/24' });
    expect(d.asset(arn('route-table', 'rtb-00000000000public'))).toMatchObject({ kind: 'aws.ec2.route-table', name: 'public' });
    expect(d.asset(arn('internet-gateway', IGW))).toMatchObject({ kind: 'aws.ec2.internet-gateway', name: IGW });
    expect(d.asset(arn('natgateway', NAT))).toMatchObject({ kind: 'aws.ec2.nat-gateway' });
    expect(d.scopeOf(arn('subnet', PUBLIC))).toBe(`aws:${A}:us-east-1:vpc`);
    expect(d.coverage(`aws:${A}:us-east-1:vpc`)).toEqual([{ type: 'coverage', scope: `aws:${A}:us-east-1:vpc`, coverage: 'complete' }]);
  });

  it('leaves deleted NAT gateways out', () => {
    expect(d.asset(arn('natgateway', 'nat-0deleted000000001'))).toBeUndefined();
  });

  it('marks a subnet public when its route table sends the default route to an internet gateway, else through the main table', () => {
    expect(d.asset(arn('subnet', PUBLIC))?.properties).toMatchObject({ MapPublicIpOnLaunch: true, RouteTableId: 'rtb-00000000000public', IsPublic: true });
    expect(d.asset(arn('subnet', PRIVATE))?.properties).toMatchObject({ RouteTableId: 'rtb-0000000000private', IsPublic: false });
    // No explicit association: the VPC's main table applies.
    expect(d.asset(arn('subnet', ISOLATED))?.properties).toMatchObject({ RouteTableId: 'rtb-0000000000000main', IsPublic: false });
    expect(d.asset(arn('route-table', 'rtb-00000000000public'))?.properties).toMatchObject({ HasInternetRoute: true });
  });

  it('links subnets to their VPC, route tables to subnets and gateways, gateways to their VPC and subnet', () => {
    expect(d.edgesOf(arn('subnet', PUBLIC))).toEqual([['in_vpc', arn('vpc', VPC)]]);
    expect(d.edgesOf(arn('route-table', 'rtb-00000000000public'))).toEqual([
      ['associated_with', arn('subnet', PUBLIC)], ['in_vpc', arn('vpc', VPC)], ['routes_to', arn('internet-gateway', IGW)]]);
    expect(d.edges(arn('route-table', 'rtb-00000000000public'), 'routes_to')[0]?.properties).toEqual({ destinations: ['0.0.0.0/0', '::/0'] });
    expect(d.edgesOf(arn('route-table', 'rtb-0000000000private'))).toContainEqual(['routes_to', arn('natgateway', NAT)]);
    expect(d.edgesOf(arn('internet-gateway', IGW))).toEqual([['attached_to', arn('vpc', VPC)]]);
    expect(d.edgesOf(arn('natgateway', NAT))).toEqual([['in_subnet', arn('subnet', PUBLIC)], ['in_vpc', arn('vpc', VPC)]]);
  });

  it('states partial coverage when some calls were refused or not collected, and leaves IsPublic out without route tables', () => {
    const [c] = d.coverage(`aws:${A}:eu-west-1:vpc`);
    expect(c).toMatchObject({ coverage: 'partial' });
    expect(c?.type === 'coverage' && c.error).toMatch(/^ec2-describe-vpcs: AccessDenied: .*; ec2-describe-route-tables: not collected; ec2-describe-internet-gateways: not collected/);
    const eu = d.asset('arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0eu0000000000001');
    expect(eu?.properties).not.toHaveProperty('IsPublic');
    expect(eu?.properties).not.toHaveProperty('RouteTableId');
  });
});

describe('aws dump reader: network interfaces', () => {
  const eni = arn('network-interface', 'eni-0a1b2c3d4e5f60061');

  it('emits interfaces with their TagSet as tags, linked to subnet, VPC, groups and instance', () => {
    expect(d.asset(eni)).toMatchObject({ kind: 'aws.ec2.network-interface', name: 'web-eth0', tags: { Name: 'web-eth0' } });
    expect(d.edgesOf(eni)).toEqual([['attached_to', arn('instance', INSTANCE)], ['in_security_group', arn('security-group', 'sg-0a1b2c3d4e5f60051')],
      ['in_subnet', arn('subnet', PUBLIC)], ['in_vpc', arn('vpc', VPC)]]);
    expect(d.scopeOf(eni)).toBe(`aws:${A}:us-east-1:eni`);
    expect(d.coverage(`aws:${A}:eu-west-1:eni`)).toEqual([]);
  });
});

describe('aws dump reader: EBS volumes, snapshots and AMIs', () => {
  it('emits volumes with Encrypted as printed and an attached_to edge to the instance', () => {
    expect(d.asset(arn('volume', 'vol-0a1b2c3d4e5f60071'))).toMatchObject({ kind: 'aws.ec2.volume', properties: { Encrypted: false } });
    expect(d.asset(arn('volume', 'vol-0a1b2c3d4e5f60072'))).toMatchObject({ name: 'data', properties: { Encrypted: true } });
    expect(d.edgesOf(arn('volume', 'vol-0a1b2c3d4e5f60071'))).toEqual([['attached_to', arn('instance', INSTANCE)]]);
    expect(d.edgesOf(arn('volume', 'vol-0a1b2c3d4e5f60072'))).toEqual([]);
  });

  it('makes a snapshot shared with the group all public, keeps who it is shared with, and skips the placeholder volume', () => {
    expect(d.asset(arn('snapshot', 'snap-0a1b2c3d4e5f60081'))?.properties).toMatchObject({ IsPublic: true, CreateVolumePermissions: [{ Group: 'all' }] });
    expect(d.asset(arn('snapshot', 'snap-0a1b2c3d4e5f60083'))?.properties).toMatchObject({ IsPublic: false, CreateVolumePermissions: [{ UserId: '444455556666' }] });
    expect(d.edgesOf(arn('snapshot', 'snap-0a1b2c3d4e5f60081'))).toEqual([['snapshot_of', arn('volume', 'vol-0a1b2c3d4e5f60071')]]);
    expect(d.edgesOf(arn('snapshot', 'snap-0a1b2c3d4e5f60082'))).toEqual([]);
  });

  it('keeps a snapshot whose attribute call was refused, without IsPublic, and makes the ebs scope partial', () => {
    const snap = d.asset(arn('snapshot', 'snap-0a1b2c3d4e5f60082'));
    expect(snap?.properties).not.toHaveProperty('IsPublic');
    expect(snap?.properties?.CollectionErrors).toEqual({ 'ec2-describe-snapshot-attribute': expect.stringMatching(/^ec2-describe-snapshot-attribute\/snap-0a1b2c3d4e5f60082: AccessDenied/) as unknown });
    expect(d.coverage(`aws:${A}:us-east-1:ebs`)).toMatchObject([{ coverage: 'partial', error: expect.stringContaining('snap-0a1b2c3d4e5f60082: AccessDenied') as unknown }]);
    expect(d.coverage(`aws:${A}:eu-west-1:ebs`)).toMatchObject([{ coverage: 'partial', error: 'ec2-describe-snapshots: not collected' }]);
  });

  it('makes an AMI with launch permission for all public and links it to its snapshots', () => {
    const golden = arn('image', 'ami-0a1b2c3d4e5f60101');
    expect(d.asset(golden)).toMatchObject({ kind: 'aws.ec2.image', name: 'golden-2025-03', properties: { IsPublic: true, LaunchPermissions: [{ Group: 'all' }] } });
    expect(d.asset(arn('image', 'ami-0a1b2c3d4e5f60102'))?.properties).toMatchObject({ IsPublic: false });
    expect(d.edgesOf(golden)).toEqual([['contains', arn('snapshot', 'snap-0a1b2c3d4e5f60081')]]);
    expect(d.coverage(`aws:${A}:us-east-1:ami`)).toMatchObject([{ coverage: 'complete' }]);
  });
});

describe('aws dump reader: EC2 networking input errors', () => {
  it('names the file and field of a wrong shape', async () => {
    await expect(readDump({ [`${R}/ec2-describe-subnets.json`]: { Subnets: [{ SubnetId: 'subnet-1' }] } }))
      .rejects.toThrow(/ec2-describe-subnets\.json: field Subnets\.0\.VpcId/);
  });

  it('refuses a snapshot id that could leave the dump folder', async () => {
    await expect(readDump({ [`${R}/ec2-describe-snapshots.json`]: { Snapshots: [{ SnapshotId: '../../../etc/passwd' }] } }))
      .rejects.toThrow(/ec2-describe-snapshots\.json: field Snapshots\.0\.SnapshotId: cannot name a file/);
  });
});
