import { z } from 'zod';
import { ALL_RESOURCES, arnMatcher } from './arn.js';
import { compileCondition, type CompiledCondition } from './conditions.js';
import type { RequestContext } from './context.js';
import { globMatcher, type Matcher } from './glob.js';
import { compilePrincipal, type PrincipalMatch, type PrincipalMatcher, type RequestPrincipal } from './principal.js';
import { tri, triAnd, type Tri } from './tri.js';
import { hasVariables, substitute, type Substituted } from './variables.js';

const StringOrList = z.union([z.string(), z.array(z.string())]);
const Statement = z.looseObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: StringOrList.optional(),
  NotAction: StringOrList.optional(),
  Resource: StringOrList.optional(),
  NotResource: StringOrList.optional(),
  Principal: z.unknown().optional(),
  NotPrincipal: z.unknown().optional(),
  Condition: z.record(z.string(), z.unknown()).optional(),
});
const PolicyDocument = z.looseObject({ Statement: z.union([z.array(z.unknown()), z.unknown()]).optional() });

export interface CompiledStatement {
  /** The policy it came from and its position, for evidence. */
  source: string;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  /** Lowercased action patterns of Action or NotAction. */
  actionPatterns: readonly string[];
  notAction: boolean;
  /** Resource or NotResource patterns; null when the statement has neither (trust policies). */
  resourcePatterns: readonly string[] | null;
  notResource: boolean;
  condition: CompiledCondition | null;
  /** Principal (or NotPrincipal) of a resource or trust policy; null in identity policies. */
  principal: PrincipalMatcher | null;
  notPrincipal: boolean;
  /** The Principal / NotPrincipal entries as written, `AWS:<arn or account>`, `Service:<name>`, `Federated:<provider>`, or `*`. */
  principalNames: readonly string[];
  matchesAction(actionLower: string): boolean;
  /** T, F, or U when a policy variable in a matching pattern is unknown. */
  matchesResource(resource: string, ctx: RequestContext): Tri;
}

export interface CompiledPolicy {
  id: string;
  statements: readonly CompiledStatement[];
  /** Statements we could not read (no Effect, ...): left out, named here. */
  problems: readonly string[];
}

const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

function anyOf(matchers: Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0]!;
  return (v) => {
    for (const m of matchers) if (m(v)) return true;
    return false;
  };
}

function resourceTest(patterns: readonly string[]): (resource: string, ctx: RequestContext) => Tri {
  const fixed = anyOf(patterns.filter((p) => !hasVariables(p)).map(arnMatcher));
  const templated = patterns.filter(hasVariables);
  if (templated.length === 0) return (r) => tri(fixed(r));
  // A context is immutable and one principal's is tested against many resources: substitute once per context.
  const substituted = new WeakMap<RequestContext, { s: Substituted; match: Matcher }[]>();
  const forContext = (ctx: RequestContext) => {
    let list = substituted.get(ctx);
    if (!list) {
      list = templated.map((t) => {
        const s = substitute(t, ctx);
        return { s, match: arnMatcher(s.text) };
      });
      substituted.set(ctx, list);
    }
    return list;
  };
  return (resource, ctx) => {
    if (fixed(resource)) return 'T';
    let result: Tri = 'F';
    for (const { s, match } of forContext(ctx)) {
      if (s.absent || !match(resource)) continue;
      if (!s.unknown) return 'T';
      result = 'U';
    }
    return result;
  };
}

function compileStatement(raw: z.output<typeof Statement>, source: string): CompiledStatement {
  const notAction = raw.NotAction !== undefined;
  const actionPatterns = listOf(notAction ? raw.NotAction : raw.Action).map((a) => a.toLowerCase());
  const actionMatch = anyOf(actionPatterns.map((p) => globMatcher(p, false)));
  const notResource = raw.NotResource !== undefined;
  const hasResource = notResource || raw.Resource !== undefined;
  const resourcePatterns = hasResource ? listOf(notResource ? raw.NotResource : raw.Resource) : null;
  const resources = resourcePatterns ? resourceTest(resourcePatterns) : null;
  const notPrincipal = raw.NotPrincipal !== undefined;
  const principalElement = notPrincipal ? raw.NotPrincipal : raw.Principal;
  return {
    source,
    sid: raw.Sid ?? null,
    effect: raw.Effect,
    actionPatterns,
    notAction,
    resourcePatterns,
    notResource,
    condition: compileCondition(raw.Condition),
    principal: principalElement === undefined ? null : compilePrincipal(principalElement),
    notPrincipal,
    principalNames: principalNames(principalElement),
    matchesAction: actionPatterns.length === 0 ? () => notAction : notAction ? (a) => !actionMatch(a) : actionMatch,
    matchesResource: !resources
      ? () => 'T'
      : notResource
        ? (r, ctx) => {
          // NotResource with ALL_RESOURCES: "every resource" is never entirely excluded by a list of ARNs.
          const m = resources(r, ctx);
          return r === ALL_RESOURCES && !resourcePatterns!.includes('*') ? 'T' : m === 'T' ? 'F' : m === 'F' ? 'T' : 'U';
        }
        : resources,
  };
}

function principalNames(element: unknown): string[] {
  if (element === undefined) return [];
  if (typeof element === 'string') return [element];
  if (typeof element !== 'object' || element === null) return [];
  return Object.entries(element as Record<string, unknown>).flatMap(([type, v]) =>
    (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => `${type}:${x}`));
}

/**
 * Parses and compiles a policy document once. A document that is not an object, or a statement we cannot
 * read, is reported in `problems` rather than guessed at.
 */
export function compilePolicy(id: string, document: unknown): CompiledPolicy {
  const doc = PolicyDocument.safeParse(document);
  if (!doc.success) return { id, statements: [], problems: [`${id}: not a policy document`] };
  const raw = doc.data.Statement;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const statements: CompiledStatement[] = [];
  const problems: string[] = [];
  list.forEach((s, i) => {
    const parsed = Statement.safeParse(s);
    if (parsed.success) statements.push(compileStatement(parsed.data, `${id}#${parsed.data.Sid ?? i}`));
    else problems.push(`${id}: statement ${i}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  });
  return { id, statements, problems };
}

/** Whether a statement's Principal / NotPrincipal element covers the requester. */
export function principalOf(s: CompiledStatement, p: RequestPrincipal): PrincipalMatch {
  if (!s.principal) return 'direct';
  const m = s.principal(p);
  if (!s.notPrincipal) return m;
  return m === null ? 'direct' : null;
}

/** Whether a statement applies to a request (principal aside): action, resource, then condition. */
export function statementApplies(s: CompiledStatement, actionLower: string, resource: string, ctx: RequestContext): Tri {
  if (!s.matchesAction(actionLower)) return 'F';
  const r = s.matchesResource(resource, ctx);
  if (r === 'F') return 'F';
  return s.condition ? triAnd(r, s.condition.test(ctx)) : r;
}
