import { compilePolicy, requestContext } from '../evaluate/index.js';
import { awsManagedDocument } from './aws-managed.js';
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v) => (Array.isArray(v) ? v.filter(isRecord) : []);
const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
const date = (v) => {
    const d = typeof v === 'string' ? new Date(v) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
};
function inlinePolicies(owner, list) {
    return arrayOf(list).map((p) => compilePolicy(`${owner}:inline/${str(p.PolicyName) ?? '?'}`, p.PolicyDocument));
}
function managedPolicy(asset) {
    const raw = arrayOf(asset.properties.PolicyVersionList);
    const defaultId = str(asset.properties.DefaultVersionId);
    const versions = raw.map((v, i) => {
        const versionId = str(v.VersionId) ?? `v${i + 1}`;
        return { versionId, isDefault: v.IsDefaultVersion === true || versionId === defaultId, policy: compilePolicy(`${asset.uid}@${versionId}`, v.Document) };
    });
    const current = versions.find((v) => v.isDefault) ?? versions[0];
    return { arn: asset.uid, current: current?.policy ?? compilePolicy(asset.uid, {}), versions };
}
export function resolveIam(inventory) {
    const policies = new Map();
    const awsManaged = new Map();
    const groups = new Map();
    const principals = new Map();
    const accounts = new Set();
    const organizations = new Map();
    const resources = [];
    const edgesFrom = new Map();
    for (const e of inventory.edges)
        edgesFrom.set(e.from_uid, [...(edgesFrom.get(e.from_uid) ?? []), { kind: e.kind, to: e.to_uid }]);
    const targets = (uid, kind) => (edgesFrom.get(uid) ?? []).filter((e) => e.kind === kind).map((e) => e.to);
    for (const a of inventory.assets) {
        if (a.account)
            accounts.add(a.account);
        if (a.kind === 'aws.iam.policy')
            policies.set(a.uid, managedPolicy(a));
        if (a.kind === 'aws.account' && a.account && str(a.properties.OrganizationId))
            organizations.set(a.account, str(a.properties.OrganizationId));
        if (a.kind.startsWith('aws.') && !a.kind.startsWith('aws.iam.') && a.kind !== 'aws.account')
            resources.push(a);
    }
    const attachedOf = (a) => {
        const fromProps = arrayOf(a.properties.AttachedManagedPolicies).map((p) => str(p.PolicyArn)).filter((x) => !!x);
        return [...new Set([...fromProps, ...targets(a.uid, 'attached_policy')])].sort();
    };
    const unresolved = new Set();
    const managed = (arn) => {
        const customer = policies.get(arn);
        if (customer)
            return customer.current;
        let compiled = awsManaged.get(arn);
        if (!compiled) {
            const doc = awsManagedDocument(arn);
            if (!doc)
                return null;
            compiled = compilePolicy(arn, doc);
            awsManaged.set(arn, compiled);
        }
        return compiled;
    };
    for (const a of inventory.assets.filter((x) => x.kind === 'aws.iam.group')) {
        groups.set(a.uid, { arn: a.uid, account: a.account ?? '', own: inlinePolicies(a.uid, a.properties.GroupPolicyList), attached: attachedOf(a) });
    }
    const groupByName = new Map([...groups.values()].map((g) => [`${g.account}/${g.arn.split('/').pop()}`, g.arn]));
    for (const a of inventory.assets) {
        if (a.kind !== 'aws.iam.user' && a.kind !== 'aws.iam.role')
            continue;
        const kind = a.kind === 'aws.iam.user' ? 'user' : 'role';
        const account = a.account ?? '';
        const name = a.name ?? a.uid.split('/').pop() ?? a.uid;
        const groupArns = kind === 'user'
            ? [...new Set([...targets(a.uid, 'member_of'), ...(Array.isArray(a.properties.GroupList) ? a.properties.GroupList : [])
                        .map((g) => groupByName.get(`${account}/${String(g)}`)).filter((g) => !!g)])].filter((g) => groups.has(g)).sort()
            : [];
        const ownAttached = attachedOf(a);
        const attached = [...new Set([...ownAttached, ...groupArns.flatMap((g) => groups.get(g).attached)])].sort();
        const missing = new Set();
        const compiledAttached = (list) => list.flatMap((arn) => {
            const p = managed(arn);
            if (!p)
                missing.add(arn);
            return p ? [p] : [];
        });
        const own = [...inlinePolicies(a.uid, kind === 'user' ? a.properties.UserPolicyList : a.properties.RolePolicyList), ...compiledAttached(ownAttached)];
        const groupPolicies = groupArns.flatMap((g) => [...groups.get(g).own, ...compiledAttached(groups.get(g).attached)]);
        const boundaryArn = isRecord(a.properties.PermissionsBoundary) ? str(a.properties.PermissionsBoundary.PermissionsBoundaryArn) : null;
        const boundary = boundaryArn ? managed(boundaryArn) : null;
        if (boundaryArn && !boundary)
            missing.add(boundaryArn);
        const values = {
            'aws:PrincipalArn': a.uid, 'aws:PrincipalAccount': account, 'aws:PrincipalType': kind === 'user' ? 'User' : 'AssumedRole',
            'aws:PrincipalIsAWSService': 'false',
        };
        if (kind === 'user')
            values['aws:username'] = name;
        if (organizations.get(account))
            values['aws:PrincipalOrgID'] = organizations.get(account);
        for (const [k, v] of Object.entries(a.tags ?? {}))
            values[`aws:PrincipalTag/${k}`] = v;
        const lastUsed = isRecord(a.properties.RoleLastUsed) ? date(a.properties.RoleLastUsed.LastUsedDate) : null;
        for (const m of missing)
            unresolved.add(m);
        principals.set(a.uid, {
            arn: a.uid, kind, name, account,
            request: { arn: a.uid, account, type: kind },
            // What the inventory knows of a principal is all there is: an unset tag or a role's username is absent.
            context: requestContext(values, false, ['aws:PrincipalTag/', 'aws:username', 'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType',
                ...(organizations.has(account) ? ['aws:PrincipalOrgID'] : [])]),
            identity: [...own, ...groupPolicies],
            groups: groupArns,
            attached,
            boundaryArn,
            boundary,
            trust: kind === 'role' ? compilePolicy(`${a.uid}:trust`, a.properties.AssumeRolePolicyDocument) : null,
            hasInstanceProfile: arrayOf(a.properties.InstanceProfileList).length > 0,
            lastUsed,
            lastUsedCollected: 'RoleLastUsed' in a.properties,
            created: date(a.properties.CreateDate),
            unresolved: [...missing].sort(),
        });
    }
    const computeRoles = new Map();
    for (const r of resources) {
        const roles = targets(r.uid, 'has_role').filter((x) => principals.has(x));
        if (roles.length > 0)
            computeRoles.set(r.uid, roles);
    }
    return { principals, groups, policies, awsManaged, accounts, organizations, resources, computeRoles };
}
//# sourceMappingURL=principals.js.map