import type { Engine } from './engine.js';
import { iamEngine } from './iam/engine.js';
import { rulesEngine } from './rules/engine.js';
import { vulnsEngine } from './vulns/engine.js';
import { labelsEngine } from './labels/engine.js';
import { coverageEngine } from './coverage/engine.js';
import { pathsEngine } from './paths/engine.js';

/** Every analysis engine, listed explicitly; `after` (not position) decides the order they run in. */
export const ENGINES: readonly Engine[] = [rulesEngine(), vulnsEngine(), labelsEngine(), coverageEngine(), iamEngine(), pathsEngine()];
