export { ALL_RESOURCES, arnAccount, arnMatcher, arnParts } from './arn.js';
export { compileCondition } from './conditions.js';
export { lookupKey, requestContext } from './context.js';
export { variableKeys } from './variables.js';
export { certainlyAllowed, evaluate, mayBeAllowed } from './evaluate.js';
export { compilePolicy, principalOf } from './policy.js';
//# sourceMappingURL=index.js.map