export { ALL_RESOURCES, arnAccount, arnMatcher, arnParts } from './arn.js';
export { compileCondition, type CompiledCondition } from './conditions.js';
export { lookupKey, requestContext, type ContextValue, type RequestContext } from './context.js';
export { variableKeys } from './variables.js';
export { certainlyAllowed, evaluate, mayBeAllowed, type Decision, type EvaluationRequest, type PolicySet, type Verdict } from './evaluate.js';
export { compilePolicy, principalOf, type CompiledPolicy, type CompiledStatement } from './policy.js';
export type { RequestPrincipal } from './principal.js';
export type { Tri } from './tri.js';
