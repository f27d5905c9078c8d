import type { Engine } from './engine.js';
import { rulesEngine } from './rules/engine.js';
import { vulnsEngine } from './vulns/engine.js';

/** Every analysis engine, listed explicitly; `after` (not position) decides the order they run in. */
export const ENGINES: readonly Engine[] = [rulesEngine(), vulnsEngine()];
