import type { NormalizedRecord } from '../../model/index.js';
import { ownerFromTags } from './tags.js';

export interface AwsAssetFields {
  uid: string;
  kind: string;
  name: string | null;
  account: string;
  /** null for global services (IAM, the account). */
  region: string | null;
  properties: Record<string, unknown>;
  tags?: Record<string, string>;
}

/** An AWS asset record: provider `aws`, owner taken from its tags when it names one. */
export function awsAsset(scope: string, a: AwsAssetFields): NormalizedRecord {
  const tags = a.tags ?? {};
  return {
    type: 'asset',
    scope,
    asset: { uid: a.uid, kind: a.kind, name: a.name, provider: 'aws', account: a.account, region: a.region,
      properties: a.properties, tags, ...ownerFromTags(tags) },
  };
}

export function edge(scope: string, from: string, kind: string, to: string, properties: Record<string, unknown> = {}): NormalizedRecord {
  return { type: 'relationship', scope, relationship: { from, kind, to, properties } };
}
