import { z } from 'zod';
import { describeFailure, noneAs, scopeCoverage, validated } from './call-result.js';
import type { DetectiveService } from './detective.js';
import { awsScope } from './identifiers.js';
import { awsAsset } from './records.js';
import type { CallSet, RegionContext } from './service.js';

const DescribeHub = z.union([z.null(), z.looseObject({ HubArn: z.string().min(1) })]);
const CALL = 'securityhub-describe-hub';

/**
 * The Security Hub of one region, scope `aws:<account>:<region>:securityhub`. An account not subscribed
 * gets InvalidAccessException: an answer ("off"), not a failure.
 */
function normalize(ctx: RegionContext, calls: CallSet) {
  const { account, region } = ctx;
  const scope = awsScope(account, region, 'securityhub');
  const hub = validated(DescribeHub, noneAs(calls.call(CALL), ['InvalidAccessException'], null));
  if (hub.status === 'missing') return null;
  const coverage = scopeCoverage(scope, [hub]);
  const records = coverage ? [coverage] : [];
  if (hub.status !== 'ok') return { records, state: 'unknown' as const, problem: describeFailure(hub) };
  if (hub.data === null) return { records, state: 'disabled' as const, problem: null };
  records.push(awsAsset(scope, { uid: hub.data.HubArn, kind: 'aws.securityhub.hub', name: hub.data.HubArn.split('/').pop() ?? null, account, region, properties: hub.data }));
  return { records, state: 'enabled' as const, problem: null };
}

export const securityHub: DetectiveService = {
  property: 'SecurityHub',
  plan: { calls: [CALL], perResource: [] },
  normalize,
};
