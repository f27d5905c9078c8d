import { awsTime } from '../time.js';
import { awsId, tagList } from './ids.js';
const CPU = {
    't3.micro': [1, 2, 'x86_64'],
    't3.medium': [1, 2, 'x86_64'],
    't3.large': [1, 2, 'x86_64'],
    'm5.large': [1, 2, 'x86_64'],
    'm5.xlarge': [2, 2, 'x86_64'],
    'm6i.large': [1, 2, 'x86_64'],
    'c5.xlarge': [2, 2, 'x86_64'],
    'r5.large': [1, 2, 'x86_64'],
    't4g.medium': [2, 1, 'arm64'],
    'm6g.large': [2, 1, 'arm64'],
    'c7g.xlarge': [4, 1, 'arm64'],
};
export const INSTANCE_TYPES = Object.keys(CPU);
export function architectureOf(instanceType) {
    return CPU[instanceType]?.[2] ?? 'x86_64';
}
function dnsNames(region, privateIp, publicIp) {
    const dashed = (ip) => ip.replace(/\./g, '-');
    if (region === 'us-east-1') {
        return { privateDns: `ip-${dashed(privateIp)}.ec2.internal`, publicDns: publicIp ? `ec2-${dashed(publicIp)}.compute-1.amazonaws.com` : '' };
    }
    return { privateDns: `ip-${dashed(privateIp)}.${region}.compute.internal`, publicDns: publicIp ? `ec2-${dashed(publicIp)}.${region}.compute.amazonaws.com` : '' };
}
export function renderInstance(rng, spec, region, accountId, vpcId) {
    const privateIp = `${spec.subnet.prefix}.${rng.int(spec.subnet.thirdOctets[0], spec.subnet.thirdOctets[1])}.${rng.int(4, 254)}`;
    const publicIp = spec.running ? spec.publicIp : null;
    const { privateDns, publicDns } = dnsNames(region, privateIp, publicIp);
    const [cores, threads, arch] = CPU[spec.instanceType] ?? [1, 2, 'x86_64'];
    const launch = awsTime(spec.launchMs);
    const association = publicIp ? { IpOwnerId: 'amazon', PublicDnsName: publicDns, PublicIp: publicIp } : undefined;
    const eni = awsId.networkInterface(rng);
    return {
        AmiLaunchIndex: spec.launchIndex,
        ImageId: spec.imageId,
        InstanceId: spec.id,
        InstanceType: spec.instanceType,
        ...(spec.keyName ? { KeyName: spec.keyName } : {}),
        LaunchTime: launch,
        Monitoring: { State: 'disabled' },
        Placement: { AvailabilityZone: spec.subnet.az, GroupName: '', Tenancy: 'default' },
        PrivateDnsName: privateDns,
        PrivateIpAddress: privateIp,
        ProductCodes: [],
        PublicDnsName: publicDns,
        ...(publicIp ? { PublicIpAddress: publicIp } : {}),
        State: spec.running ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
        StateTransitionReason: spec.running ? '' : `User initiated (${launch.replace('T', ' ').replace('+00:00', ' GMT')})`,
        SubnetId: spec.subnet.id,
        VpcId: vpcId,
        Architecture: arch,
        BlockDeviceMappings: [
            { DeviceName: '/dev/xvda', Ebs: { AttachTime: launch, DeleteOnTermination: true, Status: 'attached', VolumeId: awsId.volume(rng) } },
        ],
        ClientToken: `terraform-${rng.digits(26)}`,
        EbsOptimized: spec.instanceType !== 't3.micro',
        EnaSupport: true,
        Hypervisor: 'xen',
        ...(spec.profile ? { IamInstanceProfile: { Arn: spec.profile.arn, Id: spec.profile.id } } : {}),
        NetworkInterfaces: [
            {
                ...(association ? { Association: association } : {}),
                Attachment: { AttachTime: launch, AttachmentId: `eni-attach-${rng.hex(17)}`, DeleteOnTermination: true, DeviceIndex: 0, Status: 'attached', NetworkCardIndex: 0 },
                Description: '',
                Groups: spec.groups,
                Ipv6Addresses: [],
                MacAddress: `0a:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`,
                NetworkInterfaceId: eni,
                OwnerId: accountId,
                PrivateDnsName: privateDns,
                PrivateIpAddress: privateIp,
                PrivateIpAddresses: [{ ...(association ? { Association: association } : {}), Primary: true, PrivateDnsName: privateDns, PrivateIpAddress: privateIp }],
                SourceDestCheck: true,
                Status: 'in-use',
                SubnetId: spec.subnet.id,
                VpcId: vpcId,
                InterfaceType: 'interface',
            },
        ],
        RootDeviceName: '/dev/xvda',
        RootDeviceType: 'ebs',
        SecurityGroups: spec.groups,
        SourceDestCheck: true,
        ...(spec.running ? {} : { StateReason: { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' } }),
        ...(spec.tags ? { Tags: tagList(spec.tags) } : {}),
        VirtualizationType: 'hvm',
        CpuOptions: { CoreCount: cores, ThreadsPerCore: threads },
        CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
        HibernationOptions: { Configured: false },
        MetadataOptions: {
            State: 'applied',
            HttpTokens: spec.httpTokens,
            HttpPutResponseHopLimit: spec.httpTokens === 'required' ? 2 : 1,
            HttpEndpoint: 'enabled',
            HttpProtocolIpv6: 'disabled',
            InstanceMetadataTags: 'disabled',
        },
        EnclaveOptions: { Enabled: false },
        BootMode: arch === 'arm64' ? 'uefi' : 'legacy-bios',
        PlatformDetails: 'Linux/UNIX',
        UsageOperation: 'RunInstances',
        UsageOperationUpdateTime: launch,
        PrivateDnsNameOptions: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
        MaintenanceOptions: { AutoRecovery: 'default' },
        CurrentInstanceBootMode: arch === 'arm64' ? 'uefi' : 'legacy-bios',
    };
}
//# sourceMappingURL=instance-object.js.map