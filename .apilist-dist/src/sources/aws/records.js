import { ownerFromTags } from './tags.js';
/** An AWS asset record: provider `aws`, owner taken from its tags when it names one. */
export function awsAsset(scope, a) {
    const tags = a.tags ?? {};
    return {
        type: 'asset',
        scope,
        asset: { uid: a.uid, kind: a.kind, name: a.name, provider: 'aws', account: a.account, region: a.region,
            properties: a.properties, tags, ...ownerFromTags(tags) },
    };
}
export function edge(scope, from, kind, to, properties = {}) {
    return { type: 'relationship', scope, relationship: { from, kind, to, properties } };
}
//# sourceMappingURL=records.js.map