export { iamEngine, iamScope, IAM_ENGINE_ID, type IamEngineOptions } from './engine.js';
export { IamModel, type AdminVerdict, type Assumer, type IamModelOptions } from './model/iam-model.js';
export type { Escalation, EscalationStep } from './model/escalation.js';
export { HARMFUL_PERMISSIONS, type HarmfulCategory } from './harmful-permissions.js';
export * from './evaluate/index.js';
