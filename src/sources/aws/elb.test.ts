import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of `aws elbv2 describe-*` and `aws elb describe-load-balancers`.
const A = '111122223333';
const R = `${A}/us-east-1`;
const ec2 = (type: string, id: string) => `arn:aws:ec2:us-east-1:${A}:${type}/${id}`;
const ALB = `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web-alb/50dc6c495c0c9188`;
const NLB = `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/net/internal-nlb/73e4d0a8b0a4c1f2`;
const WEB_TG = `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/web-tg/6d0ecf831eec9f09`;
const FN_TG = `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/fn-tg/7e1fdf942ffd0a1a`;
const IP_TG = `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/ip-tg/8f20e0a53001b2b3`;
const FN = `arn:aws:lambda:us-east-1:${A}:function:thumbnailer`;

const lb = (arn: string, name: string, scheme: string, type: string, groups: string[]) => ({
  LoadBalancerArn: arn, DNSName: `${name}-1234567890.us-east-1.elb.amazonaws.com`, CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
  CreatedTime: '2025-01-01T00:00:00.000Z', LoadBalancerName: name, Scheme: scheme, VpcId: 'vpc-0a1b2c3d4e5f60001', State: { Code: 'active' }, Type: type,
  AvailabilityZones: [{ ZoneName: 'us-east-1a', SubnetId: 'subnet-0a1b2c3d4e5f60011', LoadBalancerAddresses: [] },
    { ZoneName: 'us-east-1b', SubnetId: 'subnet-0a1b2c3d4e5f60012', LoadBalancerAddresses: [] }],
  SecurityGroups: groups, IpAddressType: 'ipv4',
});
const tg = (arn: string, name: string, type: string, lbs: string[]) => ({
  TargetGroupArn: arn, TargetGroupName: name, Protocol: 'HTTP', Port: 80, VpcId: 'vpc-0a1b2c3d4e5f60001', HealthCheckProtocol: 'HTTP',
  HealthCheckPort: 'traffic-port', HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: '/', Matcher: { HttpCode: '200' }, LoadBalancerArns: lbs,
  TargetType: type, ProtocolVersion: 'HTTP1', IpAddressType: 'ipv4',
});
const health = (id: string, state: string, port?: number) => ({ Target: { Id: id, ...(port ? { Port: port } : {}) }, HealthCheckPort: '80', TargetHealth: { State: state } });

const files: Record<string, unknown> = {
  [`${R}/elbv2-describe-load-balancers.json`]: { LoadBalancers: [lb(ALB, 'web-alb', 'internet-facing', 'application', ['sg-0a1b2c3d4e5f60051']), lb(NLB, 'internal-nlb', 'internal', 'network', [])] },
  [`${R}/elbv2-describe-target-groups.json`]: { TargetGroups: [tg(WEB_TG, 'web-tg', 'instance', [ALB]), tg(FN_TG, 'fn-tg', 'lambda', [ALB]), tg(IP_TG, 'ip-tg', 'ip', [NLB])] },
  [`${R}/elbv2-describe-listeners/web-alb.json`]: { Listeners: [{
    ListenerArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:listener/app/web-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`, LoadBalancerArn: ALB, Port: 443, Protocol: 'HTTPS',
    Certificates: [{ CertificateArn: `arn:aws:acm:us-east-1:${A}:certificate/3dcb0a41-bd72-4774-9ad9-756919c40557` }], SslPolicy: 'ELBSecurityPolicy-2016-08',
    DefaultActions: [{ Type: 'forward', TargetGroupArn: WEB_TG }] }] },
  [`${R}/elbv2-describe-listeners/internal-nlb.json`]: accessDenied('elasticloadbalancing:DescribeListeners'),
  [`${R}/elbv2-describe-target-health/web-tg.json`]: { TargetHealthDescriptions: [health('i-0a1b2c3d4e5f60041', 'healthy', 80), health('i-0a1b2c3d4e5f60042', 'unhealthy', 80)] },
  [`${R}/elbv2-describe-target-health/fn-tg.json`]: { TargetHealthDescriptions: [health(FN, 'healthy')] },
  // ip-tg's targets were not collected.
  [`${R}/elb-describe-load-balancers.json`]: { LoadBalancerDescriptions: [{
    LoadBalancerName: 'legacy-web', DNSName: 'legacy-web-123.us-east-1.elb.amazonaws.com', CanonicalHostedZoneNameID: 'Z35SXDOTRQ7X7K',
    ListenerDescriptions: [{ Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }, PolicyNames: [] }],
    Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] }, BackendServerDescriptions: [],
    AvailabilityZones: ['us-east-1a'], Subnets: ['subnet-0a1b2c3d4e5f60011'], VPCId: 'vpc-0a1b2c3d4e5f60001', Instances: [{ InstanceId: 'i-0a1b2c3d4e5f60043' }],
    HealthCheck: { Target: 'HTTP:80/', Interval: 30, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 10 },
    SourceSecurityGroup: { OwnerAlias: A, GroupName: 'legacy' }, SecurityGroups: ['sg-0a1b2c3d4e5f60052'], CreatedTime: '2019-01-01T00:00:00.000Z', Scheme: 'internet-facing',
  }] },
  [`${A}/eu-west-1/elbv2-describe-load-balancers.json`]: { LoadBalancers: [] },
  [`${A}/eu-west-1/elbv2-describe-target-groups.json`]: { TargetGroups: [] },
  [`${A}/eu-west-1/elb-describe-load-balancers.json`]: accessDenied('elasticloadbalancing:DescribeLoadBalancers'),
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: ELBv2', () => {
  it('emits load balancers keyed by their ARN with the scheme and listeners', () => {
    expect(d.asset(ALB)).toMatchObject({ kind: 'aws.elbv2.load-balancer', name: 'web-alb', region: 'us-east-1',
      properties: { Scheme: 'internet-facing', Listeners: [{ Port: 443, Protocol: 'HTTPS' }] } });
    expect(d.asset(NLB)?.properties).not.toHaveProperty('Listeners');
    expect(d.asset(NLB)?.properties?.CollectionErrors).toEqual({ 'elbv2-describe-listeners': expect.stringMatching(/^elbv2-describe-listeners\/internal-nlb: AccessDenied/) as unknown });
    expect(d.scopeOf(ALB)).toBe(`aws:${A}:us-east-1:elbv2`);
  });

  it('links a load balancer to its security groups, subnets, VPC and to what its target groups forward to', () => {
    expect(d.edgesOf(ALB)).toEqual([
      ['in_security_group', ec2('security-group', 'sg-0a1b2c3d4e5f60051')],
      ['in_subnet', ec2('subnet', 'subnet-0a1b2c3d4e5f60011')], ['in_subnet', ec2('subnet', 'subnet-0a1b2c3d4e5f60012')],
      ['in_vpc', ec2('vpc', 'vpc-0a1b2c3d4e5f60001')],
      ['targets', ec2('instance', 'i-0a1b2c3d4e5f60041')], ['targets', ec2('instance', 'i-0a1b2c3d4e5f60042')], ['targets', FN],
    ]);
    expect(d.edges(ALB, 'targets').find((e) => e.to.endsWith('i-0a1b2c3d4e5f60042'))?.properties).toEqual({ targetGroup: WEB_TG, port: 80, health: 'unhealthy' });
    // IP targets name no asset.
    expect(d.edges(NLB, 'targets')).toEqual([]);
  });

  it('emits target groups with their targets', () => {
    expect(d.asset(WEB_TG)).toMatchObject({ kind: 'aws.elbv2.target-group', name: 'web-tg', properties: { TargetType: 'instance', Targets: [{ Target: { Id: 'i-0a1b2c3d4e5f60041' } }, {}] } });
  });

  it('keeps the scope partial when a target group\'s targets or a listener call are missing or refused', () => {
    const [c] = d.coverage(`aws:${A}:us-east-1:elbv2`);
    expect(c).toMatchObject({ coverage: 'partial' });
    expect(c?.type === 'coverage' && c.error).toContain('elbv2-describe-target-health/ip-tg: not collected');
    expect(c?.type === 'coverage' && c.error).toContain('elbv2-describe-listeners/internal-nlb: AccessDenied');
    expect(d.coverage(`aws:${A}:eu-west-1:elbv2`)).toMatchObject([{ coverage: 'complete' }]);
  });
});

describe('aws dump reader: classic ELB', () => {
  const legacy = `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/legacy-web`;

  it('emits classic load balancers under the ARN IAM uses, with instances as targets', () => {
    expect(d.asset(legacy)).toMatchObject({ kind: 'aws.elb.load-balancer', name: 'legacy-web', properties: { Scheme: 'internet-facing' } });
    expect(d.edgesOf(legacy)).toEqual([
      ['in_security_group', ec2('security-group', 'sg-0a1b2c3d4e5f60052')], ['in_subnet', ec2('subnet', 'subnet-0a1b2c3d4e5f60011')],
      ['in_vpc', ec2('vpc', 'vpc-0a1b2c3d4e5f60001')], ['targets', ec2('instance', 'i-0a1b2c3d4e5f60043')]]);
    expect(d.coverage(`aws:${A}:us-east-1:elb`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('states failed coverage when the only call was refused', () => {
    expect(d.coverage(`aws:${A}:eu-west-1:elb`)).toMatchObject([{ coverage: 'failed', error: expect.stringMatching(/^elb-describe-load-balancers: AccessDenied/) as unknown }]);
  });
});
