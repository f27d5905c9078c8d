import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of the detective services' CLI calls, in three regions of one account.
const A = '111122223333';
const E = `${A}/us-east-1`;
const W = `${A}/eu-west-1`;
const O = `${A}/ap-south-1`;
const ORG_TRAIL = 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org-trail';
const MAIN_TRAIL = `arn:aws:cloudtrail:us-east-1:${A}:trail/main`;
const trail = (name: string, arn: string, home: string, multiRegion: boolean, extra: Record<string, unknown> = {}) => ({
  Name: name, S3BucketName: `${name}-logs-${A}`, IncludeGlobalServiceEvents: true, IsMultiRegionTrail: multiRegion, HomeRegion: home, TrailARN: arn,
  LogFileValidationEnabled: true, HasCustomEventSelectors: false, HasInsightSelectors: false, IsOrganizationTrail: false, ...extra,
});
const status = (logging: boolean) => ({ IsLogging: logging, LatestDeliveryTime: '2025-03-01T00:00:00+00:00', StartLoggingTime: '2024-01-01T00:00:00+00:00',
  LatestDeliveryAttemptTime: '2025-03-01T00:00:00Z', LatestDeliveryAttemptSucceeded: '2025-03-01T00:00:00Z', TimeLoggingStarted: '2024-01-01T00:00:00Z' });
const detector = (status: string) => ({ CreatedAt: '2024-01-01T00:00:00.000Z', FindingPublishingFrequency: 'SIX_HOURS',
  ServiceRole: `arn:aws:iam::${A}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`, Status: status,
  UpdatedAt: '2024-01-01T00:00:00.000Z', DataSources: { S3Logs: { Status: 'ENABLED' } }, Tags: { team: 'security' } });
const recorder = { name: 'default', roleARN: `arn:aws:iam::${A}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
  recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] } };
const notSubscribed = { Error: { Code: 'InvalidAccessException', Message: `Account ${A} is not subscribed to AWS Security Hub` } };

const files: Record<string, unknown> = {
  // us-east-1: everything on.
  [`${E}/cloudtrail-describe-trails.json`]: { trailList: [trail('main', MAIN_TRAIL, 'us-east-1', true), trail('org-trail', ORG_TRAIL, 'us-east-1', true, { IsOrganizationTrail: true })] },
  [`${E}/cloudtrail-get-trail-status/main.json`]: status(true),
  [`${E}/cloudtrail-get-trail-status/org-trail.json`]: accessDenied('cloudtrail:GetTrailStatus'),
  [`${E}/guardduty-list-detectors.json`]: { DetectorIds: ['12abc34d567e8fa901bc2d34e56789f0'] },
  [`${E}/guardduty-get-detector/12abc34d567e8fa901bc2d34e56789f0.json`]: detector('ENABLED'),
  [`${E}/configservice-describe-configuration-recorders.json`]: { ConfigurationRecorders: [recorder] },
  [`${E}/configservice-describe-configuration-recorder-status.json`]: { ConfigurationRecordersStatus: [{ name: 'default', lastStartTime: '2024-01-01T00:00:00Z',
    recording: true, lastStatus: 'SUCCESS', lastStatusChangeTime: '2025-03-01T00:00:00Z' }] },
  [`${E}/securityhub-describe-hub.json`]: { HubArn: `arn:aws:securityhub:us-east-1:${A}:hub/default`, SubscribedAt: '2024-01-01T00:00:00.000Z',
    AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' },
  // eu-west-1: only the shadow of the multi-region trail; GuardDuty suspended; Config stopped; Security Hub off.
  [`${W}/cloudtrail-describe-trails.json`]: { trailList: [trail('main', MAIN_TRAIL, 'us-east-1', true)] },
  [`${W}/cloudtrail-get-trail-status/main.json`]: status(true),
  [`${W}/guardduty-list-detectors.json`]: { DetectorIds: ['34cde56f789a0bc123de4f56a78901b2'] },
  [`${W}/guardduty-get-detector/34cde56f789a0bc123de4f56a78901b2.json`]: detector('DISABLED'),
  [`${W}/configservice-describe-configuration-recorders.json`]: { ConfigurationRecorders: [recorder] },
  [`${W}/configservice-describe-configuration-recorder-status.json`]: { ConfigurationRecordersStatus: [{ name: 'default', recording: false, lastStatus: 'SUCCESS' }] },
  [`${W}/securityhub-describe-hub.json`]: notSubscribed,
  // ap-south-1: no trail, no detector, no recorder, Security Hub refused.
  [`${O}/cloudtrail-describe-trails.json`]: { trailList: [] },
  [`${O}/guardduty-list-detectors.json`]: { DetectorIds: [] },
  [`${O}/configservice-describe-configuration-recorders.json`]: { ConfigurationRecorders: [] },
  [`${O}/securityhub-describe-hub.json`]: accessDenied('securityhub:DescribeHub'),
  // ca-central-1: none of these calls collected.
  [`${A}/ca-central-1/ec2-describe-instances.json`]: { Reservations: [] },
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

const region = (name: string) => d.asset(`arn:aws::${name}:${A}`);

describe('aws dump reader: detective services', () => {
  it('states per region which services are on, off or unknown, on one aws.region asset per region', () => {
    expect(region('us-east-1')).toMatchObject({ kind: 'aws.region', name: 'us-east-1', region: 'us-east-1', account: A,
      properties: { RegionName: 'us-east-1', CloudTrail: 'enabled', GuardDuty: 'enabled', Config: 'enabled', SecurityHub: 'enabled' } });
    expect(region('eu-west-1')?.properties).toMatchObject({ CloudTrail: 'enabled', GuardDuty: 'disabled', Config: 'disabled', SecurityHub: 'disabled' });
    expect(region('ap-south-1')?.properties).toEqual({ RegionName: 'ap-south-1', CloudTrail: 'disabled', GuardDuty: 'disabled', Config: 'disabled',
      SecurityHub: 'unknown', UnknownBecause: { SecurityHub: 'securityhub-describe-hub: AccessDenied: User is not authorized to perform: securityhub:DescribeHub' } });
    expect(d.scopeOf(`arn:aws::us-east-1:${A}`)).toBe(`aws:${A}:us-east-1:region`);
    expect(d.coverage(`aws:${A}:us-east-1:region`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('states nothing about a region where none of these services was collected', () => {
    expect(region('ca-central-1')).toBeUndefined();
    expect(d.coverage(`aws:${A}:ca-central-1:region`)).toEqual([]);
    expect(d.coverage(`aws:${A}:ca-central-1:guardduty`)).toEqual([]);
  });

  it('emits a trail only in its home region of its own account; shadow and organization trails count for the state', () => {
    expect(d.assets('aws.cloudtrail.trail').map((t) => [t.uid, t.region])).toEqual([[MAIN_TRAIL, 'us-east-1']]);
    expect(d.asset(MAIN_TRAIL)?.properties).toMatchObject({ IsLogging: true, Status: { IsLogging: true } });
    expect(d.edgesOf(MAIN_TRAIL)).toEqual([['logs_to', `arn:aws:s3:::main-logs-${A}`]]);
    // The organization trail's status was refused: a problem of the scope, not a different state (main logs).
    expect(d.coverage(`aws:${A}:us-east-1:cloudtrail`)).toMatchObject([{ coverage: 'partial' }]);
    expect(d.coverage(`aws:${A}:eu-west-1:cloudtrail`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('emits detectors, recorders and hubs as assets in their own scopes', () => {
    const detectorUid = `arn:aws:guardduty:us-east-1:${A}:detector/12abc34d567e8fa901bc2d34e56789f0`;
    expect(d.asset(detectorUid)).toMatchObject({ kind: 'aws.guardduty.detector', owner: 'security', properties: { Status: 'ENABLED' } });
    expect(d.scopeOf(detectorUid)).toBe(`aws:${A}:us-east-1:guardduty`);
    const recorderUid = `arn:aws:config:us-east-1:${A}:configuration-recorder/default`;
    expect(d.asset(recorderUid)).toMatchObject({ kind: 'aws.config.recorder', properties: { IsRecording: true } });
    expect(d.edgesOf(recorderUid)).toEqual([['has_role', recorder.roleARN]]);
    expect(d.asset(`arn:aws:securityhub:us-east-1:${A}:hub/default`)).toMatchObject({ kind: 'aws.securityhub.hub', name: 'default' });
    expect(d.assets('aws.securityhub.hub')).toHaveLength(1);
    expect(d.coverage(`aws:${A}:eu-west-1:securityhub`)).toMatchObject([{ coverage: 'complete' }]);
    expect(d.coverage(`aws:${A}:ap-south-1:securityhub`)).toMatchObject([{ coverage: 'failed' }]);
  });

  it('is unknown, not off, when a state could not be read', async () => {
    const unknown = await readDump({
      [`${E}/cloudtrail-describe-trails.json`]: { trailList: [trail('main', MAIN_TRAIL, 'us-east-1', true)] },
      [`${E}/guardduty-list-detectors.json`]: { DetectorIds: ['12abc34d567e8fa901bc2d34e56789f0'] },
      [`${E}/configservice-describe-configuration-recorders.json`]: { ConfigurationRecorders: [recorder] },
    });
    expect(unknown.asset(`arn:aws::us-east-1:${A}`)?.properties).toEqual({ RegionName: 'us-east-1', CloudTrail: 'unknown', GuardDuty: 'unknown',
      Config: 'unknown', SecurityHub: 'unknown', UnknownBecause: { CloudTrail: 'cloudtrail-get-trail-status/main: not collected',
        GuardDuty: 'guardduty-get-detector/12abc34d567e8fa901bc2d34e56789f0: not collected',
        Config: 'configservice-describe-configuration-recorder-status: not collected', SecurityHub: 'not collected' } });
  });
});
