import { ActionSet, type ActionCatalogue } from '../catalogue.js';
import { ALL_RESOURCES, type CompiledPolicy, type PolicySet, type RequestContext } from '../evaluate/index.js';

/** What a principal may do, over the catalogue: the basis of "stronger than" and admin equivalence. */
export interface Strength {
  /** Actions allowed on at least some resource. */
  anyResource: ActionSet;
  /** Actions allowed on every resource (`Resource: "*"` or equivalent). */
  allResources: ActionSet;
  /** Every catalogue action on every resource. */
  fullAccess: boolean;
  /** Every IAM action on every resource. */
  iamFullAccess: boolean;
}

/**
 * The allowed action sets of a policy set, for the principal's known context: Allow statements count unless
 * their condition is false for that context (reachability); Deny statements subtract only when they apply
 * to every resource and their condition certainly holds. Resource policies are not part of it: strength is
 * what the principal's own policies give it everywhere.
 */
export function strengthOf(set: PolicySet, ctx: RequestContext, catalogue: ActionCatalogue): Strength {
  const allows = (policies: readonly CompiledPolicy[]) => {
    const any = new Uint32Array(catalogue.all().words.length);
    const all = new Uint32Array(any.length);
    for (const p of policies) {
      for (const s of p.statements) {
        if (s.effect !== 'Allow' || (s.condition && s.condition.test(ctx) === 'F')) continue;
        const actions = catalogue.expandAll(s.actionPatterns, s.notAction).words;
        const everywhere = s.matchesResource(ALL_RESOURCES, ctx) !== 'F';
        for (let i = 0; i < any.length; i++) {
          any[i]! |= actions[i]!;
          if (everywhere) all[i]! |= actions[i]!;
        }
      }
    }
    return { any: new ActionSet(any), all: new ActionSet(all) };
  };
  const identity = allows(set.identity);
  const anyResource = identity.any;
  const allResources = identity.all;
  const caps = [...(set.boundary ? [[set.boundary]] : []), ...set.scps];
  for (const cap of caps) {
    const c = allows(cap);
    anyResource.and(c.any);
    allResources.and(c.all);
  }
  for (const p of [...set.identity, ...(set.boundary ? [set.boundary] : []), ...set.scps.flat()]) {
    for (const s of p.statements) {
      if (s.effect !== 'Deny' || (s.condition && s.condition.test(ctx) !== 'T') || s.matchesResource(ALL_RESOURCES, ctx) !== 'T') continue;
      const actions = catalogue.expandAll(s.actionPatterns, s.notAction);
      anyResource.andNot(actions);
      allResources.andNot(actions);
    }
  }
  return {
    anyResource,
    allResources,
    fullAccess: catalogue.all().subsetOf(allResources),
    iamFullAccess: catalogue.expand('iam:*').subsetOf(allResources),
  };
}
