import type { EngineContext } from '../../engine.js';
import { loadActionCatalogue, type ActionCatalogue } from '../catalogue.js';
import {
  ALL_RESOURCES, arnAccount, arnParts, compilePolicy, evaluate, mayBeAllowed, principalOf, requestContext,
  type CompiledPolicy, type CompiledStatement, type ContextValue, type Decision, type PolicySet, type RequestContext, type RequestPrincipal,
} from '../evaluate/index.js';
import { findEscalations, selfGrant, type Escalation } from './escalation.js';
import { loadIamInventory, type IamInventory } from './inventory.js';
import { resolveIam, type IamGroup, type IamPrincipal, type ResolvedIam } from './principals.js';
import { contextKeysOf, contextSignature, strengthOf, type Strength } from './strength.js';

/** A compute resource (instance, function uid) and the roles it carries. */
export interface ComputeRoles {
  uid: string;
  roles: readonly string[];
}

export interface IamModelOptions {
  /** Service control policies per account, one list per level from the root down; none when not collected. */
  scps?: ReadonlyMap<string, readonly (readonly CompiledPolicy[])[]>;
  /** Longest sts:AssumeRole chain followed (default 4). */
  maxChainDepth?: number;
}

export type AdminReason =
  | { reason: 'full-access' }
  | { reason: 'iam-full-access' }
  | { reason: 'self-grant'; method: string; steps: Escalation['steps'] };

export interface AdminVerdict {
  admin: boolean;
  reasons: AdminReason[];
}

/** Someone who may assume a role: a principal of the inventory, or an entry of the trust policy from outside it. */
export interface Assumer {
  principal: string;
  inInventory: boolean;
  verdict: Decision['verdict'];
}

function mergeContext(base: RequestContext, extra: Readonly<Record<string, ContextValue>> | undefined): RequestContext {
  if (!extra || Object.keys(extra).length === 0) return base;
  const values = new Map(base.values);
  for (const [k, v] of Object.entries(extra)) values.set(k.toLowerCase(), typeof v === 'string' ? [v] : [...v]);
  return { ...base, values };
}

/**
 * The IAM of the stored accounts, compiled once: every user and role with its identity policies, boundary and
 * trust policy, resource policies, and each principal's allowed action sets over the catalogue. The
 * programmatic API other engines (attack paths) use.
 */
export class IamModel {
  private readonly strengths = new Map<string, Strength>();
  private readonly admins = new Map<string, AdminVerdict>();
  private readonly escalationCache = new Map<string, Escalation[]>();
  private readonly resourcePolicies = new Map<string, CompiledPolicy | null>();
  private readonly resourceAssets: Map<string, Record<string, unknown>>;
  /** Roles by who their trust policy names: a principal ARN, an account, or anyone (`*`, NotPrincipal). */
  private readonly trustIndex = { byArn: new Map<string, string[]>(), byAccount: new Map<string, string[]>(), open: [] as string[] };
  readonly maxChainDepth: number;

  private constructor(
    readonly iam: ResolvedIam,
    readonly catalogue: ActionCatalogue,
    private readonly options: IamModelOptions,
  ) {
    this.maxChainDepth = options.maxChainDepth ?? 4;
    this.resourceAssets = new Map(iam.resources.map((r) => [r.uid, r.properties]));
    for (const role of this.roles()) {
      for (const s of role.trust?.statements ?? []) {
        if (s.effect !== 'Allow' || !s.matchesAction('sts:assumerole')) continue;
        if (s.notPrincipal) this.trustIndex.open.push(role.arn);
        for (const name of s.principalNames) {
          const value = name.startsWith('AWS:') ? name.slice(4) : name;
          const account = /^\d{12}$/.test(value) ? value : /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1];
          if (value === '*') this.trustIndex.open.push(role.arn);
          else if (account) this.trustIndex.byAccount.set(account, [...(this.trustIndex.byAccount.get(account) ?? []), role.arn]);
          else this.trustIndex.byArn.set(value, [...(this.trustIndex.byArn.get(value) ?? []), role.arn]);
        }
      }
    }
  }

  static build(inventory: IamInventory, catalogue: ActionCatalogue, options: IamModelOptions = {}): IamModel {
    return new IamModel(resolveIam(inventory), catalogue, options);
  }

  /** Reads the inventory and the action catalogue and builds the model. */
  static async fromStore(db: EngineContext['db'], options: IamModelOptions = {}): Promise<IamModel> {
    const [inventory, catalogue] = await Promise.all([loadIamInventory(db), loadActionCatalogue()]);
    return IamModel.build(inventory, catalogue, options);
  }

  principal(arn: string): IamPrincipal | undefined {
    return this.iam.principals.get(arn);
  }

  private principalList: IamPrincipal[] | undefined;
  private roleList: IamPrincipal[] | undefined;
  private readonly serviceTrust = new Map<IamPrincipal, Map<string, boolean>>();
  private readonly candidates = new Map<string, string[]>();
  private readonly assumeDecisions = new Map<IamPrincipal, Map<string, Decision>>();

  principals(): readonly IamPrincipal[] {
    return (this.principalList ??= [...this.iam.principals.values()]);
  }

  /** Users, roles and groups per account, in inventory order: escalation targets never cross accounts. */
  private accountIndex: Map<string, { users: IamPrincipal[]; roles: IamPrincipal[]; groups: IamGroup[] }> | undefined;

  inAccount(account: string): { readonly users: readonly IamPrincipal[]; readonly roles: readonly IamPrincipal[]; readonly groups: readonly IamGroup[] } {
    if (!this.accountIndex) {
      const index = new Map<string, { users: IamPrincipal[]; roles: IamPrincipal[]; groups: IamGroup[] }>();
      const of = (a: string) => {
        let e = index.get(a);
        if (!e) index.set(a, (e = { users: [], roles: [], groups: [] }));
        return e;
      };
      for (const p of this.principals()) (p.kind === 'user' ? of(p.account).users : of(p.account).roles).push(p);
      for (const g of this.iam.groups.values()) of(g.account).groups.push(g);
      this.accountIndex = index;
    }
    return this.accountIndex.get(account) ?? { users: [], roles: [], groups: [] };
  }

  roles(): readonly IamPrincipal[] {
    return (this.roleList ??= this.principals().filter((p) => p.kind === 'role'));
  }

  /** Whether a role's trust policy may let an AWS service (`ec2.amazonaws.com`) assume it. */
  trustsService(role: IamPrincipal, service: string): boolean {
    let byService = this.serviceTrust.get(role);
    if (!byService) this.serviceTrust.set(role, (byService = new Map<string, boolean>()));
    let v = byService.get(service);
    if (v === undefined) {
      v = mayBeAllowed(this.trustAllows(role, { arn: `service:${service}`, account: '', type: 'service' }));
      byService.set(service, v);
    }
    return v;
  }

  scpsOf(account: string): readonly (readonly CompiledPolicy[])[] {
    return this.options.scps?.get(account) ?? [];
  }

  policySet(p: IamPrincipal, resource: CompiledPolicy | null = null, identity: readonly CompiledPolicy[] = p.identity, boundary: CompiledPolicy | null = p.boundary): PolicySet {
    return { identity, boundary, scps: this.scpsOf(p.account), resource };
  }

  /**
   * The resource policy that takes part in a request: a role's trust policy for sts:AssumeRole*, a bucket's
   * policy for S3 ARNs, a function's policy for Lambda ARNs.
   */
  resourcePolicyFor(actionLower: string, resourceArn: string): CompiledPolicy | null {
    if (resourceArn === ALL_RESOURCES) return null;
    if (actionLower.startsWith('sts:assumerole')) return this.iam.principals.get(resourceArn)?.trust ?? null;
    // Only bucket and function policies take part: an ARN of any other service needs no parsing.
    if (!resourceArn.includes(':s3:') && !resourceArn.includes(':lambda:')) return null;
    const parts = arnParts(resourceArn);
    if (!parts) return null;
    let owner: string | null = null;
    if (parts[2] === 's3') owner = `arn:${parts[1]}:s3:::${parts[5]!.split('/')[0]}`;
    else if (parts[2] === 'lambda' && parts[5]!.startsWith('function:')) owner = resourceArn.split(':').slice(0, 7).join(':');
    if (!owner) return null;
    let compiled = this.resourcePolicies.get(owner);
    if (compiled === undefined) {
      const doc = this.resourceAssets.get(owner)?.Policy;
      compiled = doc && typeof doc === 'object' ? compilePolicy(`${owner}:policy`, doc) : null;
      this.resourcePolicies.set(owner, compiled);
    }
    return compiled;
  }

  /** A request by a principal of the inventory; unknown principals are an error, not a silent deny. */
  canPerform(principalArn: string, action: string, resourceArn: string, context?: Readonly<Record<string, ContextValue>>, strictContext = false): Decision {
    const p = this.iam.principals.get(principalArn);
    if (!p) throw new Error(`IAM model: no principal ${principalArn} in the inventory`);
    return this.decide(p, action, resourceArn, context, strictContext);
  }

  /** The same with a principal object, and optionally other identity policies / boundary (hypotheticals). */
  decide(p: IamPrincipal, action: string, resourceArn: string, context?: Readonly<Record<string, ContextValue>>, strictContext = false,
    identity: readonly CompiledPolicy[] = p.identity, boundary: CompiledPolicy | null = p.boundary): Decision {
    let ctx = mergeContext(p.context, context);
    if (strictContext) ctx = { ...ctx, closedWorld: true };
    const resource = this.resourcePolicyFor(action.toLowerCase(), resourceArn);
    return evaluate(this.policySet(p, resource, identity, boundary), { principal: p.request, action, resource: resourceArn, context: ctx });
  }

  private readonly identityDecisions = new Map<string, Decision>();

  /**
   * `decide` for requests no resource policy takes part in, shared by principals with the same policies,
   * kind and values of the context keys those policies read (see `sharedAssumeDecision`). Read-only result.
   */
  decideShared(p: IamPrincipal, action: string, resourceArn: string, context?: Readonly<Record<string, ContextValue>>): Decision {
    if (this.resourcePolicyFor(action.toLowerCase(), resourceArn) !== null) return this.decide(p, action, resourceArn, context);
    const { alike, keys } = this.policySetKey(p);
    let key = `${alike}|${action}|${resourceArn}`;
    if (context) {
      const extra = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? [v] : [...v]]));
      key += `|${JSON.stringify([...extra])}|${contextSignature(p.context, keys, extra)}`;
    }
    let d = this.identityDecisions.get(key);
    if (!d) this.identityDecisions.set(key, (d = this.decide(p, action, resourceArn, context)));
    return d;
  }

  /** Whether a (non-inventory) principal may assume a role, by the trust policy alone plus its own policies when known. */
  trustAllows(role: IamPrincipal, requester: RequestPrincipal, context?: Readonly<Record<string, ContextValue>>): Decision {
    return evaluate({ identity: [], boundary: null, scps: [], resource: role.trust }, {
      principal: requester, action: 'sts:AssumeRole', resource: role.arn, resourceAccount: role.account, context: requestContext(context ?? {}),
    });
  }

  strength(arn: string): Strength {
    let s = this.strengths.get(arn);
    if (!s) {
      const p = this.iam.principals.get(arn);
      if (!p) throw new Error(`IAM model: no principal ${arn} in the inventory`);
      s = this.sharedStrength(p);
      this.strengths.set(arn, s);
    }
    return s;
  }

  private readonly policyIds = new WeakMap<CompiledPolicy, number>();
  private readonly keysBySet = new Map<string, string[]>();
  private readonly strengthBySet = new Map<number, Strength>();

  /**
   * Strength is computed once per distinct policy set (most principals share their attached policies) and
   * distinct values of the context keys those policies read; treat the result as read-only.
   */
  private sharedStrength(p: IamPrincipal): Strength {
    const key = this.policySetKey(p).alike;
    let s = this.strengthBySet.get(key);
    if (!s) this.strengthBySet.set(key, (s = strengthOf(this.policySet(p), p.context, this.catalogue)));
    return s;
  }

  private readonly setKeys = new Map<IamPrincipal, { alike: number; keys: readonly string[] }>();
  private readonly alikeIds = new Map<string, number>();

  /**
   * The context keys a principal's policies (identity, boundary, account SCPs) read, and `alike`: a number
   * shared by the principals with the same policies, kind and values of those keys.
   */
  private policySetKey(p: IamPrincipal): { alike: number; keys: readonly string[] } {
    let k = this.setKeys.get(p);
    if (!k) {
      const id = (policy: CompiledPolicy) => {
        let n = this.policyIds.get(policy);
        if (n === undefined) this.policyIds.set(policy, (n = this.nextPolicyId++));
        return n;
      };
      const set = this.policySet(p);
      const setKey = `${p.account}|${set.identity.map(id).join(',')}|${set.boundary ? id(set.boundary) : ''}`;
      let keys = this.keysBySet.get(setKey);
      if (!keys) this.keysBySet.set(setKey, (keys = contextKeysOf([...set.identity, ...(set.boundary ? [set.boundary] : []), ...set.scps.flat()])));
      const alikeKey = `${setKey}|${p.kind}|${contextSignature(p.context, keys)}`;
      let alike = this.alikeIds.get(alikeKey);
      if (alike === undefined) this.alikeIds.set(alikeKey, (alike = this.alikeIds.size));
      this.setKeys.set(p, (k = { alike, keys }));
    }
    return k;
  }

  private nextPolicyId = 0;

  /** The strength a principal would have with other identity policies or boundary. */
  hypotheticalStrength(p: IamPrincipal, identity: readonly CompiledPolicy[], boundary: CompiledPolicy | null): Strength {
    return strengthOf(this.policySet(p, null, identity, boundary), p.context, this.catalogue);
  }

  /**
   * Principals with the same allowed actions share a class (most share their attached policies), so "is
   * stronger than" is decided once per pair of classes instead of once per pair of principals.
   */
  private readonly classKeys = new Map<string, number>();
  private readonly classOf = new Map<string, number>();
  private readonly classOfStrength = new WeakMap<Strength, number>();
  private readonly strongerThanClass = new Map<number, boolean>();
  private readonly strongerLists = new Map<string, readonly IamPrincipal[]>();

  strengthClass(arn: string): number {
    let c = this.classOf.get(arn);
    if (c === undefined) {
      const s = this.strength(arn);
      c = this.classOfStrength.get(s);
      if (c === undefined) {
        const w = s.anyResource.words;
        const key = `${s.fullAccess ? 1 : 0}${Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('latin1')}`;
        c = this.classKeys.get(key);
        if (c === undefined) this.classKeys.set(key, (c = this.classKeys.size));
        this.classOfStrength.set(s, c);
      }
      this.classOf.set(arn, c);
    }
    return c;
  }

  private readonly actionCounts = new Map<number, number>();

  /** How many catalogue actions a principal may do somewhere (counted once per strength class). */
  actionCount(arn: string): number {
    const c = this.strengthClass(arn);
    let n = this.actionCounts.get(c);
    if (n === undefined) this.actionCounts.set(c, (n = this.strength(arn).anyResource.count()));
    return n;
  }

  /** Whether principal `a` may do something `b` may not (or has full access where `b` has not). */
  isStronger(a: string, b: string): boolean {
    const ca = this.strengthClass(a);
    const cb = this.strengthClass(b);
    if (ca === cb) return false;
    const key = ca * 1_048_576 + cb;
    let v = this.strongerThanClass.get(key);
    if (v === undefined) this.strongerThanClass.set(key, (v = !this.notStronger(this.strength(a), this.strength(b))));
    return v;
  }

  /** The users or roles of a principal's account that are stronger than it, in inventory order (shared per class). */
  strongerInAccount(p: IamPrincipal, kind: 'user' | 'role'): readonly IamPrincipal[] {
    const key = `${p.account}\n${kind}\n${this.strengthClass(p.arn)}`;
    let list = this.strongerLists.get(key);
    if (!list) {
      const all = this.inAccount(p.account);
      list = (kind === 'user' ? all.users : all.roles).filter((t) => this.isStronger(t.arn, p.arn));
      this.strongerLists.set(key, list);
    }
    return list;
  }

  /** Compute carrying roles by the account of its ARN (`''`: none), and those with a resource policy. */
  private computeIndex: { byAccount: Map<string, ComputeRoles[]>; withPolicy: ComputeRoles[] } | undefined;
  private readonly strongerComputeLists = new Map<string, readonly ComputeRoles[]>();

  /**
   * The compute (instances, functions) a principal could take over to act as a stronger role: each with the
   * roles on it stronger than the principal, in inventory order, shared per account and strength class.
   * Compute of another account is left out unless a resource policy takes part in requests on it: without
   * one the evaluation denies every cross-account request (the identity policies alone never grant across
   * accounts), so leaving it out changes no result and keeps the work per account instead of per inventory.
   */
  strongerCompute(p: IamPrincipal): readonly ComputeRoles[] {
    if (!this.computeIndex) {
      const byAccount = new Map<string, ComputeRoles[]>();
      const withPolicy: ComputeRoles[] = [];
      for (const [uid, roles] of this.iam.computeRoles) {
        const entry = { uid, roles };
        const account = arnAccount(uid);
        byAccount.set(account, [...(byAccount.get(account) ?? []), entry]);
        // Any action but sts:AssumeRole* sees the same resource policy (a function's).
        if (account !== '' && this.resourcePolicyFor('lambda:updatefunctioncode', uid) !== null) withPolicy.push(entry);
      }
      this.computeIndex = { byAccount, withPolicy };
    }
    const key = `${p.account}\n${this.strengthClass(p.arn)}`;
    let list = this.strongerComputeLists.get(key);
    if (!list) {
      const { byAccount, withPolicy } = this.computeIndex;
      const reachable = new Set([...(byAccount.get(p.account) ?? []), ...(byAccount.get('') ?? []), ...withPolicy]);
      // A role is never stronger than its own class, so the principal itself is never among them.
      list = [...reachable].flatMap((c) => {
        const roles = c.roles.filter((r) => this.isStronger(r, p.arn));
        return roles.length > 0 ? [{ uid: c.uid, roles }] : [];
      });
      this.strongerComputeLists.set(key, list);
    }
    return list;
  }

  /** Allow statements of a principal's identity policies that name an action, by lowercased action. */
  private readonly identityAllows = new Map<IamPrincipal, Map<string, CompiledStatement[]>>();

  /**
   * True when `decide(p, action, resourceArn)` is certainly a deny, found without evaluating it: no identity
   * Allow statement names both the action and the resource, and no resource policy (a trust policy) names
   * the principal itself for the action; one naming its account delegates to the identity policies. Conditions
   * are not looked at (they could only deny more), so false means "evaluate", never "allowed".
   */
  surelyDenied(p: IamPrincipal, action: string, resourceArn: string): boolean {
    let byAction = this.identityAllows.get(p);
    if (!byAction) this.identityAllows.set(p, (byAction = new Map<string, CompiledStatement[]>()));
    let statements = byAction.get(action);
    if (!statements) {
      const lower = action.toLowerCase();
      statements = p.identity.flatMap((policy) => policy.statements.filter((s) => s.effect === 'Allow' && s.matchesAction(lower)));
      byAction.set(action, statements);
    }
    for (const s of statements) if (s.matchesResource(resourceArn, p.context) !== 'F') return false;
    const lower = action.toLowerCase();
    const resource = this.resourcePolicyFor(lower, resourceArn);
    return !resource?.statements.some((s) => s.effect === 'Allow' && s.matchesAction(lower) && principalOf(s, p.request) === 'direct');
  }

  /** Whether principal `a`'s allowed actions are no more than `b`'s. */
  notStronger(a: Strength, b: Strength): boolean {
    return a.anyResource.subsetOf(b.anyResource) && (!a.fullAccess || b.fullAccess);
  }

  /**
   * Admin-equivalent: every action on every resource, every IAM action (which grants the rest), or an action
   * set that lets it grant itself anything (attach or put a policy on itself, its group or a role it can
   * assume, a new default version of a policy attached to it), boundaries and denies considered.
   */
  adminEquivalent(arn: string): AdminVerdict {
    let v = this.admins.get(arn);
    if (v) return v;
    const s = this.strength(arn);
    const reasons: AdminReason[] = [];
    if (s.fullAccess) reasons.push({ reason: 'full-access' });
    if (s.iamFullAccess) reasons.push({ reason: 'iam-full-access' });
    if (!s.fullAccess) for (const e of selfGrant(this, this.iam.principals.get(arn)!)) reasons.push({ reason: 'self-grant', method: e.method, steps: e.steps });
    v = { admin: reasons.length > 0, reasons };
    this.admins.set(arn, v);
    return v;
  }

  /** Single-step escalation methods and sts:AssumeRole chains leading to a stronger principal. */
  escalations(arn: string): Escalation[] {
    let e = this.escalationCache.get(arn);
    if (!e) {
      const p = this.iam.principals.get(arn);
      if (!p) throw new Error(`IAM model: no principal ${arn} in the inventory`);
      e = findEscalations(this, p);
      this.escalationCache.set(arn, e);
    }
    return e;
  }

  /** Roles whose trust policy may let this principal in (candidates only; `canAssume` decides). */
  assumeCandidates(p: IamPrincipal): string[] {
    let c = this.candidates.get(p.arn);
    if (c) return c;
    const t = this.trustIndex;
    // A trust naming the account delegates to identity policies: without sts:AssumeRole there, it cannot help.
    const i = this.catalogue.indexOf('sts:AssumeRole');
    const viaAccount = i === undefined || this.strength(p.arn).anyResource.has(i) ? t.byAccount.get(p.account) ?? [] : [];
    c = [...new Set([...(t.byArn.get(p.arn) ?? []), ...viaAccount, ...t.open])].filter((r) => r !== p.arn);
    this.candidates.set(p.arn, c);
    return c;
  }

  /** sts:AssumeRole by an inventory principal: its identity policies and the role's trust policy (memoized). */
  canAssume(p: IamPrincipal, roleArn: string): Decision {
    let byRole = this.assumeDecisions.get(p);
    if (!byRole) this.assumeDecisions.set(p, (byRole = new Map<string, Decision>()));
    let d = byRole.get(roleArn);
    if (!d) byRole.set(roleArn, (d = this.sharedAssumeDecision(p, roleArn)));
    return d;
  }

  private readonly trustKeys = new Map<string, readonly string[]>();
  private readonly assumeBySet = new Map<string, Decision>();

  /**
   * The decision depends on the principal only through its policies, kind, account, the context keys the
   * policies and the trust policy read, and which trust statements name it: principals alike in all of these
   * (the many sharing attached policies) share one evaluation. Treat the decision as read-only.
   */
  private sharedAssumeDecision(p: IamPrincipal, roleArn: string): Decision {
    const trust = this.iam.principals.get(roleArn)?.trust ?? null;
    let trustKeys = this.trustKeys.get(roleArn);
    if (!trustKeys) this.trustKeys.set(roleArn, (trustKeys = trust ? contextKeysOf([trust]) : []));
    const named = trust ? trust.statements.map((s) => principalOf(s, p.request) ?? '-').join(',') : '';
    const key = `${this.policySetKey(p).alike}|${roleArn}|${named}|${contextSignature(p.context, trustKeys)}`;
    let d = this.assumeBySet.get(key);
    if (!d) this.assumeBySet.set(key, (d = this.decide(p, 'sts:AssumeRole', roleArn)));
    return d;
  }

  private readonly assumeChecks = new Map<IamPrincipal, Map<string, Decision | null>>();

  /** `canAssume`, or null when it is surely denied (then not evaluated); memoized, escalation asks it often. */
  mayAssume(p: IamPrincipal, roleArn: string): Decision | null {
    let byRole = this.assumeChecks.get(p);
    if (!byRole) this.assumeChecks.set(p, (byRole = new Map<string, Decision | null>()));
    let d = byRole.get(roleArn);
    if (d === undefined) byRole.set(roleArn, (d = this.surelyDenied(p, 'sts:AssumeRole', roleArn) ? null : this.canAssume(p, roleArn)));
    return d;
  }

  /** Who may assume a role: inventory principals the evaluation allows, and trust entries naming outsiders. */
  assumableBy(roleArn: string): Assumer[] {
    const role = this.iam.principals.get(roleArn);
    if (!role || role.kind !== 'role') throw new Error(`IAM model: no role ${roleArn} in the inventory`);
    const out: Assumer[] = [];
    for (const p of this.principals()) {
      if (p.arn === roleArn || !this.assumeCandidates(p).includes(roleArn)) continue;
      const d = this.canAssume(p, roleArn);
      if (mayBeAllowed(d)) out.push({ principal: p.arn, inInventory: true, verdict: d.verdict });
    }
    for (const s of role.trust?.statements ?? []) {
      if (s.effect !== 'Allow') continue;
      for (const name of s.principalNames) {
        const value = name.replace(/^(AWS|Service|Federated|CanonicalUser):/, '');
        // Known principals were evaluated above; a known account's root delegates to them.
        const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1] ?? (/^\d{12}$/.test(value) ? value : undefined);
        if (this.iam.principals.has(value) || (root && this.iam.accounts.has(root)) || out.some((o) => o.principal === name)) continue;
        out.push({ principal: name, inInventory: false, verdict: s.condition ? 'conditional' : 'allow' });
      }
    }
    return out;
  }
}
