import { ALL_RESOURCES, compilePolicy, mayBeAllowed } from '../evaluate/index.js';
/** What a principal that can attach or write any policy gives itself. */
export const ADMIN_POLICY = compilePolicy('hypothetical:AdministratorAccess', { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
export const PASS_ROLE_METHODS = [
    { method: 'PassRole+EC2', service: 'ec2.amazonaws.com', actions: [['ec2:RunInstances']], needsInstanceProfile: true },
    { method: 'PassRole+Lambda', service: 'lambda.amazonaws.com', actions: [['lambda:CreateFunction'], ['lambda:InvokeFunction', 'lambda:CreateEventSourceMapping']] },
    { method: 'PassRole+CloudFormation', service: 'cloudformation.amazonaws.com', actions: [['cloudformation:CreateStack']] },
    { method: 'PassRole+Glue', service: 'glue.amazonaws.com', actions: [['glue:CreateDevEndpoint']] },
    { method: 'PassRole+DataPipeline', service: 'datapipeline.amazonaws.com', actions: [['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition'], ['datapipeline:ActivatePipeline']] },
    { method: 'PassRole+ECS', service: 'ecs-tasks.amazonaws.com', actions: [['ecs:RegisterTaskDefinition'], ['ecs:RunTask', 'ecs:StartTask']] },
    { method: 'PassRole+SageMaker', service: 'sagemaker.amazonaws.com', actions: [['sagemaker:CreateNotebookInstance'], ['sagemaker:CreatePresignedNotebookInstanceUrl']] },
    { method: 'PassRole+CodeBuild', service: 'codebuild.amazonaws.com', actions: [['codebuild:CreateProject'], ['codebuild:StartBuild']] },
];
/** Accumulates the steps of one method; null once a step is not allowed. */
class Path {
    model;
    p;
    steps = [];
    verdict = 'allow';
    constructor(model, p, prefix = [], prefixVerdict = 'allow') {
        this.model = model;
        this.p = p;
        this.steps = [...prefix];
        this.verdict = prefixVerdict;
    }
    /** Adds a step if the decision may allow it. */
    take(d, action, resource, via = this.p.arn) {
        if (!mayBeAllowed(d))
            return false;
        if (d.verdict === 'conditional')
            this.verdict = 'conditional';
        this.steps.push({ action, resource, via });
        return true;
    }
    can(action, resource, context) {
        // The catalogue bitset is a cheap first test: no identity allow anywhere, no request to evaluate.
        const i = this.model.catalogue.indexOf(action);
        if (i !== undefined && !this.model.strength(this.p.arn).anyResource.has(i) && !action.toLowerCase().startsWith('sts:'))
            return false;
        // Then the resource: most pairs a method is checked on are out of the principal's resource patterns.
        if (!context && this.model.surelyDenied(this.p, action, resource))
            return false;
        return this.take(this.model.decideShared(this.p, action, resource, context), action, resource);
    }
    /** One action of the list, the first allowed. */
    canAny(actions, resource, context) {
        return actions.some((a) => this.can(a, resource, context));
    }
    copy() {
        return new Path(this.model, this.p, this.steps, this.verdict);
    }
}
/** Is `after` more than `before`: admin where it was not, or some action it did not have. */
function gains(model, after, before) {
    return !model.notStronger(after, before);
}
function modifiable(model, p, includeRoles) {
    const out = [{ target: p, path: new Path(model, p) }];
    if (!includeRoles)
        return out;
    for (const roleArn of model.assumeCandidates(p)) {
        const d = model.mayAssume(p, roleArn);
        const path = new Path(model, p);
        if (d && path.take(d, 'sts:AssumeRole', roleArn))
            out.push({ target: model.principal(roleArn), path });
    }
    return out;
}
/**
 * Ways a principal can rewrite its own (or an assumable role's) permissions: attach or put a policy on the
 * user, its groups or the role; a new default version of a policy attached to it; set another version as
 * default; and drop its permissions boundary. Each is checked against the result it would have.
 */
function modificationMethods(model, p, m) {
    const t = m.target;
    const out = [];
    const before = model.strength(p.arn);
    const boundaryRemoval = (path) => {
        if (!t.boundary)
            return true;
        const action = t.kind === 'user' ? 'iam:DeleteUserPermissionsBoundary' : 'iam:DeleteRolePermissionsBoundary';
        return path.can(action, t.arn);
    };
    const consider = (method, identity, boundary, path) => {
        const after = model.hypotheticalStrength(t, identity, boundary);
        if (gains(model, after, before))
            out.push({ method, target: t.arn, targetAdmin: after.fullAccess, verdict: path.verdict, steps: path.steps });
    };
    /** A grant method: the policy it adds is anything, so the boundary is the limit unless it can be removed too. */
    const grant = (method, action, resource) => {
        const path = m.path.copy();
        if (!path.can(action, resource))
            return;
        const withRemoval = path.copy();
        const removed = t.boundary !== null && boundaryRemoval(withRemoval);
        consider(method, [...t.identity, ADMIN_POLICY], removed ? null : t.boundary, removed ? withRemoval : path);
    };
    if (t.kind === 'user') {
        grant('AttachUserPolicy', 'iam:AttachUserPolicy', t.arn);
        grant('PutUserPolicy', 'iam:PutUserPolicy', t.arn);
        for (const g of t.groups) {
            grant('AttachGroupPolicy', 'iam:AttachGroupPolicy', g);
            grant('PutGroupPolicy', 'iam:PutGroupPolicy', g);
        }
    }
    else {
        grant('AttachRolePolicy', 'iam:AttachRolePolicy', t.arn);
        grant('PutRolePolicy', 'iam:PutRolePolicy', t.arn);
    }
    for (const policyArn of t.attached) {
        const managed = model.iam.policies.get(policyArn);
        if (!managed)
            continue;
        grant(`CreatePolicyVersion:${policyArn}`, 'iam:CreatePolicyVersion', policyArn);
        for (const v of managed.versions) {
            if (v.isDefault)
                continue;
            const path = m.path.copy();
            if (!path.can('iam:SetDefaultPolicyVersion', policyArn))
                continue;
            consider(`SetDefaultPolicyVersion:${policyArn}@${v.versionId}`, t.identity.map((x) => (x === managed.current ? v.policy : x)), t.boundary, path);
        }
    }
    if (t.boundary) {
        const path = m.path.copy();
        if (boundaryRemoval(path))
            consider('DeletePermissionsBoundary', t.identity, null, path);
    }
    return out;
}
/** The self-modification methods of a principal on itself that end in full access: what makes it admin-equivalent. */
export function selfGrant(model, p) {
    return modificationMethods(model, p, { target: p, path: new Path(model, p) }).filter((e) => e.targetAdmin);
}
/** Every escalation of one principal; none for a principal that already has every action everywhere. */
export function findEscalations(model, p) {
    const before = model.strength(p.arn);
    if (before.fullAccess)
        return [];
    const out = [];
    for (const m of modifiable(model, p, true))
        out.push(...modificationMethods(model, p, m));
    const stronger = (arn) => arn !== p.arn && model.isStronger(arn, p.arn);
    const account = model.inAccount(p.account);
    /** A one-step path, or null; a request surely denied is ruled out before anything is allocated for it. */
    const attempt = (action, resource) => {
        if (model.surelyDenied(p, action, resource))
            return null;
        const path = new Path(model, p);
        return path.can(action, resource) ? path : null;
    };
    const toPrincipal = (method, target, path) => out.push({ method, target, targetAdmin: model.adminEquivalent(target).admin, verdict: path.verdict, steps: path.steps });
    if (p.kind === 'user') {
        for (const g of account.groups) {
            if (p.groups.includes(g.arn))
                continue;
            const path = new Path(model, p);
            if (!path.can('iam:AddUserToGroup', g.arn))
                continue;
            const groupPolicies = [...g.own, ...g.attached.flatMap((a) => { const c = model.iam.policies.get(a)?.current ?? model.iam.awsManaged.get(a); return c ? [c] : []; })];
            const after = model.hypotheticalStrength(p, [...p.identity, ...groupPolicies], p.boundary);
            if (gains(model, after, before))
                out.push({ method: `AddUserToGroup:${g.arn}`, target: p.arn, targetAdmin: after.fullAccess, verdict: path.verdict, steps: path.steps });
        }
    }
    const bits = before.anyResource;
    const has = (action) => { const i = model.catalogue.indexOf(action); return i === undefined || bits.has(i); };
    // Targets are filtered by strength only for the methods the principal has some permission for.
    const credentialActions = ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'].filter(has);
    if (credentialActions.length > 0) {
        for (const u of model.strongerInAccount(p, 'user')) {
            for (const action of credentialActions) {
                const path = attempt(action, u.arn);
                if (path)
                    toPrincipal(action.slice(4), u.arn, path);
            }
        }
    }
    const roles = () => model.strongerInAccount(p, 'role');
    if (has('iam:UpdateAssumeRolePolicy')) {
        for (const r of roles()) {
            const path = attempt('iam:UpdateAssumeRolePolicy', r.arn);
            if (path)
                toPrincipal('UpdateAssumeRolePolicy', r.arn, path);
        }
    }
    if (has('iam:PassRole')) {
        for (const method of PASS_ROLE_METHODS) {
            if (!method.actions.every((group) => group.some(has)))
                continue;
            for (const r of roles()) {
                if (method.needsInstanceProfile && !r.hasInstanceProfile)
                    continue;
                if (!model.trustsService(r, method.service))
                    continue;
                const path = new Path(model, p);
                if (!path.can('iam:PassRole', r.arn, { 'iam:PassedToService': method.service }))
                    continue;
                if (method.actions.every((group) => path.canAny(group, ALL_RESOURCES)))
                    toPrincipal(method.method, r.arn, path);
            }
        }
    }
    const computeActions = ['lambda:UpdateFunctionCode', 'ssm:SendCommand', 'ssm:StartSession', 'ec2-instance-connect:SendSSHPublicKey'].some(has);
    for (const [uid, roleArns] of computeActions ? model.iam.computeRoles : []) {
        const isFunction = uid.includes(':lambda:');
        const isInstance = uid.includes(':ec2:') && uid.includes(':instance/');
        for (const roleArn of roleArns.filter(stronger)) {
            if (isFunction && has('lambda:UpdateFunctionCode')) {
                const path = new Path(model, p);
                if (path.can('lambda:UpdateFunctionCode', uid))
                    toPrincipal(`UpdateFunctionCode:${uid}`, roleArn, path);
            }
            if (!isInstance)
                continue;
            for (const [method, action] of [['SSM:SendCommand', 'ssm:SendCommand'], ['SSM:StartSession', 'ssm:StartSession'], ['EC2InstanceConnect', 'ec2-instance-connect:SendSSHPublicKey']]) {
                if (!has(action))
                    continue;
                const path = new Path(model, p);
                if (path.can(action, uid))
                    toPrincipal(`${method}:${uid}`, roleArn, path);
            }
        }
    }
    const direct = new Set();
    for (const roleArn of model.assumeCandidates(p)) {
        const d = model.mayAssume(p, roleArn);
        const path = new Path(model, p);
        if (!d || !path.take(d, 'sts:AssumeRole', roleArn))
            continue;
        direct.add(roleArn);
        if (stronger(roleArn))
            toPrincipal('AssumeRole', roleArn, path);
    }
    out.push(...assumeChains(model, p, direct));
    return out;
}
/**
 * Multi-step sts:AssumeRole chains (breadth-first, at most maxChainDepth hops, each role visited once) that end
 * at an admin-equivalent role the principal cannot assume directly.
 */
function assumeChains(model, p, direct) {
    if (model.adminEquivalent(p.arn).admin)
        return [];
    const out = [];
    const visited = new Set([p.arn, ...direct]);
    let frontier = [...direct].map((arn) => ({ arn, steps: [{ action: 'sts:AssumeRole', resource: arn, via: p.arn }], verdict: model.canAssume(p, arn).verdict === 'allow' ? 'allow' : 'conditional' }));
    for (let depth = 2; depth <= model.maxChainDepth && frontier.length > 0; depth++) {
        const next = [];
        for (const node of frontier) {
            const from = model.principal(node.arn);
            for (const roleArn of model.assumeCandidates(from)) {
                if (visited.has(roleArn))
                    continue;
                const d = model.mayAssume(from, roleArn);
                if (!d || !mayBeAllowed(d))
                    continue;
                visited.add(roleArn);
                const verdict = node.verdict === 'allow' && d.verdict === 'allow' ? 'allow' : 'conditional';
                const reached = { arn: roleArn, steps: [...node.steps, { action: 'sts:AssumeRole', resource: roleArn, via: from.arn }], verdict };
                if (model.adminEquivalent(roleArn).admin)
                    out.push({ method: 'AssumeRoleChain', target: roleArn, targetAdmin: true, verdict, steps: reached.steps });
                next.push(reached);
            }
        }
        frontier = next;
    }
    return out;
}
//# sourceMappingURL=escalation.js.map