/** Hand-made IAM accounts for tests: records shaped like the AWS dump reader's (src/sources/aws/iam.ts). */
export const ACCOUNT = '111111111111';
export const SCOPE = `aws:${ACCOUNT}:global:iam`;
export const arn = (path, account = ACCOUNT) => `arn:aws:iam::${account}:${path}`;
export const allow = (Action, Resource = '*', extra = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
export const deny = (Action, Resource = '*', extra = {}) => ({ Effect: 'Deny', Action, Resource, ...extra });
export const doc = (statements) => ({ Version: '2012-10-17', Statement: statements });
export const trustAws = (principal, extra = {}) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...extra });
export const trustService = (service) => ({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const asset = (uid, kind, name, properties, tags = {}, account = ACCOUNT) => ({ type: 'asset', scope: `aws:${account}:global:iam`, asset: { uid, kind, name, account, region: null, provider: 'aws', properties, tags } });
const edge = (from, kind, to, account = ACCOUNT) => ({ type: 'relationship', scope: `aws:${account}:global:iam`, relationship: { from, kind, to } });
function common(o, listKey) {
    return {
        ...(o.policies ? { [listKey]: [{ PolicyName: 'inline', PolicyDocument: doc(o.policies) }] } : {}),
        AttachedManagedPolicies: (o.attached ?? []).map((PolicyArn) => ({ PolicyArn })),
        ...(o.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: o.boundary } } : {}),
    };
}
export function user(name, o = {}) {
    const uid = arn(`user/${name}`);
    return [
        asset(uid, 'aws.iam.user', name, { UserName: name, Arn: uid, GroupList: o.groups ?? [], ...common(o, 'UserPolicyList') }, o.tags),
        ...(o.groups ?? []).map((g) => edge(uid, 'member_of', arn(`group/${g}`))),
        ...(o.attached ?? []).map((p) => edge(uid, 'attached_policy', p)),
    ];
}
export function group(name, o = {}) {
    const uid = arn(`group/${name}`);
    return [asset(uid, 'aws.iam.group', name, { GroupName: name, Arn: uid, ...common(o, 'GroupPolicyList') }), ...(o.attached ?? []).map((p) => edge(uid, 'attached_policy', p))];
}
export function role(name, o) {
    const account = o.account ?? ACCOUNT;
    const uid = arn(`role/${name}`, account);
    const props = {
        RoleName: name, Arn: uid, AssumeRolePolicyDocument: doc(o.trust), ...common(o, 'RolePolicyList'),
        InstanceProfileList: o.instanceProfile ? [{ Arn: arn(`instance-profile/${name}`, account), InstanceProfileId: `AIPA${name}` }] : [],
        ...(o.created ? { CreateDate: o.created } : {}),
        ...(o.lastUsed !== undefined ? { RoleLastUsed: o.lastUsed ? { LastUsedDate: o.lastUsed } : {} } : {}),
    };
    return [asset(uid, 'aws.iam.role', name, props, o.tags, account), ...(o.attached ?? []).map((p) => edge(uid, 'attached_policy', p, account))];
}
/** A customer-managed policy with its versions; the first is the default unless `defaultVersion` says otherwise. */
export function managedPolicy(name, versions, defaultVersion = 1) {
    const uid = arn(`policy/${name}`);
    return [asset(uid, 'aws.iam.policy', name, {
            PolicyName: name, Arn: uid, DefaultVersionId: `v${defaultVersion}`,
            PolicyVersionList: versions.map((v, i) => ({ VersionId: `v${i + 1}`, IsDefaultVersion: i + 1 === defaultVersion, Document: doc(v) })),
        })];
}
export function lambdaFunction(name, roleArn) {
    const uid = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
    const scope = `aws:${ACCOUNT}:us-east-1:lambda`;
    return [
        { type: 'asset', scope, asset: { uid, kind: 'aws.lambda.function', name, account: ACCOUNT, region: 'us-east-1', properties: { FunctionName: name, Role: roleArn } } },
        { type: 'relationship', scope, relationship: { from: uid, kind: 'has_role', to: roleArn } },
    ];
}
export function instance(id, roleArn) {
    const uid = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${id}`;
    const scope = `aws:${ACCOUNT}:us-east-1:ec2`;
    return [
        { type: 'asset', scope, asset: { uid, kind: 'aws.ec2.instance', name: id, account: ACCOUNT, region: 'us-east-1', properties: { InstanceId: id } } },
        { type: 'relationship', scope, relationship: { from: uid, kind: 'has_role', to: roleArn } },
    ];
}
/** The coverage statements of the scopes some records use, all complete. */
export function withCoverage(records) {
    const scopes = [...new Set(records.map((r) => r.scope))].sort();
    return [...scopes.map((scope) => ({ type: 'coverage', scope, coverage: 'complete' })), ...records];
}
/** The inventory the model reads, straight from records (unit tests without a database). */
export function inventoryOf(records) {
    const inv = { assets: [], edges: [] };
    for (const r of records) {
        if (r.type === 'asset') {
            const a = r.asset;
            inv.assets.push({ uid: a.uid, kind: a.kind, name: a.name ?? null, account: a.account ?? null, properties: a.properties ?? {}, tags: a.tags ?? {} });
        }
        else if (r.type === 'relationship')
            inv.edges.push({ from_uid: r.relationship.from, kind: r.relationship.kind, to_uid: r.relationship.to });
    }
    return inv;
}
//# sourceMappingURL=fixtures.js.map