import { ALL_RESOURCES, compilePolicy, mayBeAllowed, type CompiledPolicy, type Decision } from '../evaluate/index.js';
import type { Strength } from './strength.js';
import type { IamPrincipal } from './principals.js';
import type { IamModel } from './iam-model.js';

/** What a principal that can attach or write any policy gives itself. */
export const ADMIN_POLICY = compilePolicy('hypothetical:AdministratorAccess', { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

export interface EscalationStep {
  action: string;
  resource: string;
  /** The principal that performs the step. */
  via: string;
}

export interface Escalation {
  /** CreatePolicyVersion, PassRole+EC2, AssumeRole, AssumeRoleChain, ... */
  method: string;
  /** The principal that ends up stronger: the source itself (self-modification) or the one it becomes. */
  target: string;
  /** The target ends up admin-equivalent. */
  targetAdmin: boolean;
  /** `conditional` when some step depends on a request context we cannot know. */
  verdict: 'allow' | 'conditional';
  steps: EscalationStep[];
}

/** A service that runs code with a role passed to it, and the actions that make it do so (all groups; any action of a group). */
interface PassRoleMethod {
  method: string;
  service: string;
  actions: string[][];
  needsInstanceProfile?: boolean;
}

export const PASS_ROLE_METHODS: readonly PassRoleMethod[] = [
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
  steps: EscalationStep[] = [];
  verdict: 'allow' | 'conditional' = 'allow';

  constructor(private readonly model: IamModel, private readonly p: IamPrincipal, prefix: readonly EscalationStep[] = [], prefixVerdict: 'allow' | 'conditional' = 'allow') {
    this.steps = [...prefix];
    this.verdict = prefixVerdict;
  }

  /** Adds a step if the decision may allow it. */
  take(d: Decision, action: string, resource: string, via = this.p.arn): boolean {
    if (!mayBeAllowed(d)) return false;
    if (d.verdict === 'conditional') this.verdict = 'conditional';
    this.steps.push({ action, resource, via });
    return true;
  }

  can(action: string, resource: string, context?: Record<string, string>): boolean {
    // The catalogue bitset is a cheap first test: no identity allow anywhere, no request to evaluate.
    const i = this.model.catalogue.indexOf(action);
    if (i !== undefined && !this.model.strength(this.p.arn).anyResource.has(i) && !action.toLowerCase().startsWith('sts:')) return false;
    // Then the resource: most pairs a method is checked on are out of the principal's resource patterns.
    if (!context && this.model.surelyDenied(this.p, action, resource)) return false;
    return this.take(this.model.decideShared(this.p, action, resource, context), action, resource);
  }

  /** One action of the list, the first allowed. */
  canAny(actions: readonly string[], resource: string, context?: Record<string, string>): boolean {
    return actions.some((a) => this.can(a, resource, context));
  }

  copy(): Path {
    return new Path(this.model, this.p, this.steps, this.verdict);
  }
}

/** Is `after` more than `before`: admin where it was not, or some action it did not have. */
function gains(model: IamModel, after: Strength, before: Strength): boolean {
  return !model.notStronger(after, before);
}

/** A principal the source can modify: itself, or a role it can assume (with the steps to get there). */
interface Modifiable {
  target: IamPrincipal;
  path: Path;
}

function modifiable(model: IamModel, p: IamPrincipal, includeRoles: boolean): Modifiable[] {
  const out: Modifiable[] = [{ target: p, path: new Path(model, p) }];
  if (!includeRoles) return out;
  for (const roleArn of model.assumeCandidates(p)) {
    const d = model.mayAssume(p, roleArn);
    const path = new Path(model, p);
    if (d && path.take(d, 'sts:AssumeRole', roleArn)) out.push({ target: model.principal(roleArn)!, path });
  }
  return out;
}

/**
 * Ways a principal can rewrite its own (or an assumable role's) permissions: attach or put a policy on the
 * user, its groups or the role; a new default version of a policy attached to it; set another version as
 * default; and drop its permissions boundary. Each is checked against the result it would have.
 */
function modificationMethods(model: IamModel, p: IamPrincipal, m: Modifiable): Escalation[] {
  const t = m.target;
  const out: Escalation[] = [];
  const before = model.strength(p.arn);
  const boundaryRemoval = (path: Path): boolean => {
    if (!t.boundary) return true;
    const action = t.kind === 'user' ? 'iam:DeleteUserPermissionsBoundary' : 'iam:DeleteRolePermissionsBoundary';
    return path.can(action, t.arn);
  };
  const consider = (method: string, identity: readonly CompiledPolicy[], boundary: CompiledPolicy | null, path: Path) => {
    const after = model.hypotheticalStrength(t, identity, boundary);
    if (gains(model, after, before)) out.push({ method, target: t.arn, targetAdmin: after.fullAccess, verdict: path.verdict, steps: path.steps });
  };
  /** A grant method: the policy it adds is anything, so the boundary is the limit unless it can be removed too. */
  const grant = (method: string, action: string, resource: string) => {
    const path = m.path.copy();
    if (!path.can(action, resource)) return;
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
  } else {
    grant('AttachRolePolicy', 'iam:AttachRolePolicy', t.arn);
    grant('PutRolePolicy', 'iam:PutRolePolicy', t.arn);
  }
  for (const policyArn of t.attached) {
    const managed = model.iam.policies.get(policyArn);
    if (!managed) continue;
    grant(`CreatePolicyVersion:${policyArn}`, 'iam:CreatePolicyVersion', policyArn);
    for (const v of managed.versions) {
      if (v.isDefault) continue;
      const path = m.path.copy();
      if (!path.can('iam:SetDefaultPolicyVersion', policyArn)) continue;
      consider(`SetDefaultPolicyVersion:${policyArn}@${v.versionId}`, t.identity.map((x) => (x === managed.current ? v.policy : x)), t.boundary, path);
    }
  }
  if (t.boundary) {
    const path = m.path.copy();
    if (boundaryRemoval(path)) consider('DeletePermissionsBoundary', t.identity, null, path);
  }
  return out;
}

/** The self-modification methods of a principal on itself that end in full access: what makes it admin-equivalent. */
export function selfGrant(model: IamModel, p: IamPrincipal): Escalation[] {
  return modificationMethods(model, p, { target: p, path: new Path(model, p) }).filter((e) => e.targetAdmin);
}

/** Every escalation of one principal; none for a principal that already has every action everywhere. */
export function findEscalations(model: IamModel, p: IamPrincipal): Escalation[] {
  const before = model.strength(p.arn);
  if (before.fullAccess) return [];
  const out: Escalation[] = [];
  for (const m of modifiable(model, p, true)) out.push(...modificationMethods(model, p, m));
  const stronger = (arn: string): boolean => arn !== p.arn && model.isStronger(arn, p.arn);
  const account = model.inAccount(p.account);
  /** A one-step path, or null; a request surely denied is ruled out before anything is allocated for it. */
  const attempt = (action: string, resource: string): Path | null => {
    if (model.surelyDenied(p, action, resource)) return null;
    const path = new Path(model, p);
    return path.can(action, resource) ? path : null;
  };
  const toPrincipal = (method: string, target: string, path: Path) =>
    out.push({ method, target, targetAdmin: model.adminEquivalent(target).admin, verdict: path.verdict, steps: path.steps });

  if (p.kind === 'user') {
    for (const g of account.groups) {
      if (p.groups.includes(g.arn)) continue;
      const path = new Path(model, p);
      if (!path.can('iam:AddUserToGroup', g.arn)) continue;
      const groupPolicies = [...g.own, ...g.attached.flatMap((a) => { const c = model.iam.policies.get(a)?.current ?? model.iam.awsManaged.get(a); return c ? [c] : []; })];
      const after = model.hypotheticalStrength(p, [...p.identity, ...groupPolicies], p.boundary);
      if (gains(model, after, before)) out.push({ method: `AddUserToGroup:${g.arn}`, target: p.arn, targetAdmin: after.fullAccess, verdict: path.verdict, steps: path.steps });
    }
  }

  const bits = before.anyResource;
  const has = (action: string) => { const i = model.catalogue.indexOf(action); return i === undefined || bits.has(i); };
  // Targets are filtered by strength only for the methods the principal has some permission for.
  const credentialActions = ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'].filter(has);
  if (credentialActions.length > 0) {
    for (const u of model.strongerInAccount(p, 'user')) {
      for (const action of credentialActions) {
        const path = attempt(action, u.arn);
        if (path) toPrincipal(action.slice(4), u.arn, path);
      }
    }
  }

  const roles = () => model.strongerInAccount(p, 'role');
  if (has('iam:UpdateAssumeRolePolicy')) {
    for (const r of roles()) {
      const path = attempt('iam:UpdateAssumeRolePolicy', r.arn);
      if (path) toPrincipal('UpdateAssumeRolePolicy', r.arn, path);
    }
  }
  if (has('iam:PassRole')) {
    for (const method of PASS_ROLE_METHODS) {
      if (!method.actions.every((group) => group.some(has))) continue;
      for (const r of roles()) {
        if (method.needsInstanceProfile && !r.hasInstanceProfile) continue;
        if (!model.trustsService(r, method.service)) continue;
        const path = new Path(model, p);
        if (!path.can('iam:PassRole', r.arn, { 'iam:PassedToService': method.service })) continue;
        if (method.actions.every((group) => path.canAny(group, ALL_RESOURCES))) toPrincipal(method.method, r.arn, path);
      }
    }
  }

  const computeActions = ['lambda:UpdateFunctionCode', 'ssm:SendCommand', 'ssm:StartSession', 'ec2-instance-connect:SendSSHPublicKey'].some(has);
  for (const { uid, roles: strongerRoles } of computeActions ? model.strongerCompute(p) : []) {
    const isFunction = uid.includes(':lambda:');
    const isInstance = uid.includes(':ec2:') && uid.includes(':instance/');
    for (const roleArn of strongerRoles) {
      if (isFunction && has('lambda:UpdateFunctionCode')) {
        const path = new Path(model, p);
        if (path.can('lambda:UpdateFunctionCode', uid)) toPrincipal(`UpdateFunctionCode:${uid}`, roleArn, path);
      }
      if (!isInstance) continue;
      for (const [method, action] of [['SSM:SendCommand', 'ssm:SendCommand'], ['SSM:StartSession', 'ssm:StartSession'], ['EC2InstanceConnect', 'ec2-instance-connect:SendSSHPublicKey']] as const) {
        if (!has(action)) continue;
        const path = new Path(model, p);
        if (path.can(action, uid)) toPrincipal(`${method}:${uid}`, roleArn, path);
      }
    }
  }

  const direct = new Set<string>();
  for (const roleArn of model.assumeCandidates(p)) {
    const d = model.mayAssume(p, roleArn);
    const path = new Path(model, p);
    if (!d || !path.take(d, 'sts:AssumeRole', roleArn)) continue;
    direct.add(roleArn);
    if (stronger(roleArn)) toPrincipal('AssumeRole', roleArn, path);
  }
  out.push(...assumeChains(model, p, direct));
  return out;
}

/**
 * Multi-step sts:AssumeRole chains (breadth-first, at most maxChainDepth hops, each role visited once) that end
 * at an admin-equivalent role the principal cannot assume directly.
 */
function assumeChains(model: IamModel, p: IamPrincipal, direct: ReadonlySet<string>): Escalation[] {
  if (model.adminEquivalent(p.arn).admin) return [];
  const out: Escalation[] = [];
  const visited = new Set<string>([p.arn, ...direct]);
  let frontier = [...direct].map((arn) => ({ arn, steps: [{ action: 'sts:AssumeRole', resource: arn, via: p.arn }], verdict: model.canAssume(p, arn).verdict === 'allow' ? 'allow' as const : 'conditional' as const }));
  for (let depth = 2; depth <= model.maxChainDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      const from = model.principal(node.arn)!;
      for (const roleArn of model.assumeCandidates(from)) {
        if (visited.has(roleArn)) continue;
        const d = model.mayAssume(from, roleArn);
        if (!d || !mayBeAllowed(d)) continue;
        visited.add(roleArn);
        const verdict: 'allow' | 'conditional' = node.verdict === 'allow' && d.verdict === 'allow' ? 'allow' : 'conditional';
        const reached = { arn: roleArn, steps: [...node.steps, { action: 'sts:AssumeRole', resource: roleArn, via: from.arn }], verdict };
        if (model.adminEquivalent(roleArn).admin) out.push({ method: 'AssumeRoleChain', target: roleArn, targetAdmin: true, verdict, steps: reached.steps });
        next.push(reached);
      }
    }
    frontier = next;
  }
  return out;
}
