import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, iamArn } from './identifiers.js';
import { decodePolicyDocument } from './policy-document.js';
import { awsAsset, edge } from './records.js';
import { tagMap } from './tags.js';
import { trustedPrincipals } from './trust-policy.js';
// Only the fields we read are declared; looseObject keeps every other field the CLI printed.
const Tag = z.looseObject({ Key: z.string(), Value: z.string() });
const AttachedPolicy = z.looseObject({ PolicyArn: z.string().min(1) });
const InlinePolicy = z.looseObject({ PolicyName: z.string(), PolicyDocument: z.unknown() });
const User = z.looseObject({
    UserName: z.string().min(1),
    Arn: z.string().min(1),
    GroupList: z.array(z.string()).optional(),
    AttachedManagedPolicies: z.array(AttachedPolicy).optional(),
    UserPolicyList: z.array(InlinePolicy).optional(),
    Tags: z.array(Tag).optional(),
});
const Group = z.looseObject({
    GroupName: z.string().min(1),
    Arn: z.string().min(1),
    AttachedManagedPolicies: z.array(AttachedPolicy).optional(),
    GroupPolicyList: z.array(InlinePolicy).optional(),
});
const Role = z.looseObject({
    RoleName: z.string().min(1),
    Arn: z.string().min(1),
    AssumeRolePolicyDocument: z.unknown(),
    InstanceProfileList: z.array(z.looseObject({ Arn: z.string().min(1), InstanceProfileId: z.string().optional() })).optional(),
    AttachedManagedPolicies: z.array(AttachedPolicy).optional(),
    RolePolicyList: z.array(InlinePolicy).optional(),
    Tags: z.array(Tag).optional(),
});
const ManagedPolicy = z.looseObject({
    PolicyName: z.string().min(1),
    Arn: z.string().min(1),
    PolicyVersionList: z.array(z.looseObject({ Document: z.unknown() })).optional(),
});
export const AccountAuthorizationDetails = z.looseObject({
    UserDetailList: z.array(User).default([]),
    GroupDetailList: z.array(Group).default([]),
    RoleDetailList: z.array(Role).default([]),
    Policies: z.array(ManagedPolicy).default([]),
});
/** The call that enumerates the `iam` scope; a file `global/<call>.json` in a dump. */
export const IAM_LIST_CALL = 'iam-get-account-authorization-details';
/** Inline policies with their documents decoded; the list is left out when the entity has none. */
function decodedInline(list, key, where, field) {
    if (!list)
        return {};
    return { [key]: list.map((p, i) => ({ ...p, PolicyDocument: decodePolicyDocument(p.PolicyDocument, where, `${field}.${i}.PolicyDocument`) })) };
}
function attachedPolicyEdges(scope, from, attached) {
    return (attached ?? []).map((p) => edge(scope, from, 'attached_policy', p.PolicyArn));
}
/** AWS-managed policies (`arn:aws:iam::aws:policy/...`) are shared by every account: only the account's own are assets. */
function isCustomerManaged(policyArn) {
    return /^\d{12}$/.test(policyArn.split(':')[4] ?? '');
}
function instanceProfileRoles(details) {
    const map = new Map();
    const add = (key, role) => map.set(key, [...(map.get(key) ?? []), role]);
    for (const role of details.RoleDetailList) {
        for (const profile of role.InstanceProfileList ?? []) {
            add(profile.Arn, role.Arn);
            if (profile.InstanceProfileId)
                add(profile.InstanceProfileId, role.Arn);
        }
    }
    return map;
}
function normalizeDetails(input, scope, details, where) {
    const { account, partition } = input;
    const out = [];
    const groupArnByName = new Map(details.GroupDetailList.map((g) => [g.GroupName, g.Arn]));
    details.UserDetailList.forEach((user, i) => {
        const tags = tagMap(user.Tags);
        const properties = { ...user, ...decodedInline(user.UserPolicyList, 'UserPolicyList', where, `UserDetailList.${i}.UserPolicyList`),
            ...input.credentials?.users.get(user.Arn) };
        out.push(awsAsset(scope, { uid: user.Arn, kind: 'aws.iam.user', name: user.UserName, account, region: null, properties, tags }));
        for (const group of user.GroupList ?? []) {
            // The list names groups; their path is only known from GroupDetailList.
            out.push(edge(scope, user.Arn, 'member_of', groupArnByName.get(group) ?? iamArn(partition, account, `group/${group}`)));
        }
        out.push(...attachedPolicyEdges(scope, user.Arn, user.AttachedManagedPolicies));
    });
    details.GroupDetailList.forEach((group, i) => {
        const properties = { ...group, ...decodedInline(group.GroupPolicyList, 'GroupPolicyList', where, `GroupDetailList.${i}.GroupPolicyList`) };
        out.push(awsAsset(scope, { uid: group.Arn, kind: 'aws.iam.group', name: group.GroupName, account, region: null, properties }));
        out.push(...attachedPolicyEdges(scope, group.Arn, group.AttachedManagedPolicies));
    });
    details.RoleDetailList.forEach((role, i) => {
        const field = `RoleDetailList.${i}.AssumeRolePolicyDocument`;
        const trust = decodePolicyDocument(role.AssumeRolePolicyDocument, where, field);
        const properties = { ...role, AssumeRolePolicyDocument: trust, ...decodedInline(role.RolePolicyList, 'RolePolicyList', where, `RoleDetailList.${i}.RolePolicyList`) };
        out.push(awsAsset(scope, { uid: role.Arn, kind: 'aws.iam.role', name: role.RoleName, account, region: null, properties, tags: tagMap(role.Tags) }));
        out.push(...attachedPolicyEdges(scope, role.Arn, role.AttachedManagedPolicies));
        for (const t of trustedPrincipals(trust, partition, where, field)) {
            out.push(edge(scope, t.principal, 'can_assume', role.Arn, { actions: t.actions, unconditional: t.unconditional, conditions: t.conditions }));
        }
    });
    details.Policies.forEach((policy, i) => {
        if (!isCustomerManaged(policy.Arn))
            return;
        const versions = policy.PolicyVersionList?.map((v, j) => ({ ...v, Document: decodePolicyDocument(v.Document, where, `Policies.${i}.PolicyVersionList.${j}.Document`) }));
        const properties = { ...policy, ...(versions ? { PolicyVersionList: versions } : {}) };
        out.push(awsAsset(scope, { uid: policy.Arn, kind: 'aws.iam.policy', name: policy.PolicyName, account, region: null, properties }));
    });
    return out;
}
/**
 * Normalizes get-account-authorization-details into users, groups, roles and customer-managed policies
 * (every version with its document), with `member_of`, `attached_policy` and `can_assume` edges, and the
 * coverage of scope `aws:<account>:global:iam`; users get their credential properties when given.
 */
export function normalizeIam(input) {
    const scope = awsScope(input.account, null, 'iam');
    const details = validated(AccountAuthorizationDetails, input.authorizationDetails);
    const coverage = scopeCoverage(scope, [details], input.credentials?.problems);
    const records = coverage ? [coverage] : [];
    if (details.status !== 'ok')
        return { records, instanceProfiles: null };
    records.push(...normalizeDetails(input, scope, details.data, details.where));
    return { records, instanceProfiles: instanceProfileRoles(details.data) };
}
//# sourceMappingURL=iam.js.map