import { iamEngine } from './iam/engine.js';
import { rulesEngine } from './rules/engine.js';
import { vulnsEngine } from './vulns/engine.js';
import { labelsEngine } from './labels/engine.js';
import { coverageEngine } from './coverage/engine.js';
/** Every analysis engine, listed explicitly; `after` (not position) decides the order they run in. */
export const ENGINES = [rulesEngine(), vulnsEngine(), labelsEngine(), coverageEngine(), iamEngine()];
//# sourceMappingURL=registry.js.map