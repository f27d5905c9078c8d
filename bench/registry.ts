import type { Benchmark } from './types.js';
import { storeCeiling } from './store-ceiling.js';

/** Every benchmark, listed explicitly; `npm run bench -- --only <name>` picks by name prefix. */
export const BENCHMARKS: readonly Benchmark[] = [storeCeiling];
