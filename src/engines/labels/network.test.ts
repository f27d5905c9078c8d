import { describe, expect, it } from 'vitest';
import { internetIngress, internetRoute, portRanges, Routing, rulesAdmitting } from './network.js';

describe('internetIngress', () => {
  it('keeps rules open to 0.0.0.0/0 or ::/0, with protocol names and all-traffic as 0-65535', () => {
    const rules = internetIngress([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '10.0.0.0/8' }] },
      { IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      { IpProtocol: '17', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: 'sg-lb' }] },
    ], 'sg-1');
    expect(rules).toEqual([
      { protocol: 'tcp', from: 22, to: 22, cidr: '0.0.0.0/0', group: 'sg-1' },
      { protocol: 'all', from: 0, to: 65535, cidr: '::/0', group: 'sg-1' },
      { protocol: 'udp', from: 53, to: 53, cidr: '0.0.0.0/0', group: 'sg-1' },
    ]);
    expect(rulesAdmitting(rules, 22, 'tcp', '0.0.0.0/0')).toHaveLength(1);
    expect(rulesAdmitting(rules, 5432, 'tcp', '0.0.0.0/0')).toHaveLength(0);
    expect(rulesAdmitting(rules, 5432, 'tcp')).toHaveLength(1);
    expect(internetIngress('not a list', 'sg-x')).toEqual([]);
  });

  it('portRanges drops ICMP and duplicates and sorts', () => {
    expect(portRanges([{ protocol: 'tcp', from: 443, to: 443 }, { protocol: 'icmp', from: 8, to: 0 }, { protocol: 'tcp', from: 22, to: 22 }, { protocol: 'tcp', from: 443, to: 443 }]))
      .toEqual([{ protocol: 'tcp', from: 22, to: 22 }, { protocol: 'tcp', from: 443, to: 443 }]);
  });
});

describe('Routing', () => {
  const main = { uid: 'm', id: 'rtb-main', vpcId: 'vpc-1', associations: [{ Main: true }], routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }] };
  const pub = { uid: 'p', id: 'rtb-pub', vpcId: 'vpc-1', associations: [{ SubnetId: 'subnet-pub' }],
    routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }, { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'blackhole' }] };
  const routing = new Routing([main, pub]);

  it('an explicit association wins; otherwise the main table; a NAT route is not an internet route', () => {
    expect(internetRoute(routing.tableOf('subnet-pub', 'vpc-1')!, '0.0.0.0/0')).toEqual({ routeTable: 'rtb-pub', destination: '0.0.0.0/0', gateway: 'igw-1' });
    expect(internetRoute(routing.tableOf('subnet-other', 'vpc-1')!, '0.0.0.0/0')).toBeUndefined();
  });

  it('a blackhole route does not count; an uncollected VPC is unknown', () => {
    expect(internetRoute(routing.tableOf('subnet-pub', 'vpc-1')!, '::/0')).toBeUndefined();
    expect(routing.known('vpc-1')).toBe(true);
    expect(routing.known('vpc-2')).toBe(false);
  });
});
