import { awsResourceRef } from './aws-resource.js';
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'unknown';
/** Prowler's "region" for providers without one; `global` so every scope has a region part. */
export function regionOf(result) {
    return result.region.trim() || 'global';
}
/**
 * The asset a Prowler result is about. AWS resources become the collector's ARNs (aws-resource.ts). Azure
 * resource ids are globally unique and kept, lower-cased (Azure ids are case-insensitive and tools differ in
 * case: `resourceGroups` vs `resourcegroups`). Other providers' resources are named
 * `<provider>:<account>/<resource>`; a result that names no resource is about the account itself.
 */
export function resourceOf(result) {
    const { resource, account } = result;
    const region = regionOf(result);
    if (result.provider === 'aws') {
        // The uid is an ARN in Prowler 3+, and the name a bare id; when the uid is not an ARN, either may be the id.
        const base = { name: resource.name, type: resource.type, account, region, partition: result.partition };
        const byName = awsResourceRef({ ...base, id: resource.name, arn: resource.uid });
        if (byName.exact || !resource.uid)
            return byName;
        const byUid = awsResourceRef({ ...base, id: resource.uid });
        return byUid.exact ? byUid : byName;
    }
    const provider = slug(result.provider);
    const id = resource.uid || resource.name;
    if (result.provider === 'azure' && id && /^\/(subscriptions|providers)\//i.test(id)) {
        return { uid: id.toLowerCase(), kind: 'azure.resource', name: resource.name, provider, account: account || null, region, exact: true };
    }
    if (!id)
        return { uid: `${provider}:${account || 'unknown'}`, kind: `${provider}.account`, name: account || null, provider, account: account || null, region: null, exact: false };
    const ns = resource.namespace ? `${resource.namespace}/` : '';
    return { uid: `${provider}:${account || 'unknown'}/${ns}${id}`, kind: `${provider}.resource`, name: resource.name || id, provider, account: account || null, region, exact: true };
}
//# sourceMappingURL=cloud-resource.js.map