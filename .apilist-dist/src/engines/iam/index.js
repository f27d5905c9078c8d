export { iamEngine, iamScope, IAM_ENGINE_ID } from './engine.js';
export { IamModel } from './model/iam-model.js';
export { HARMFUL_PERMISSIONS } from './harmful-permissions.js';
export * from './evaluate/index.js';
//# sourceMappingURL=index.js.map