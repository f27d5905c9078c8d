import type { Benchmark } from './types.js';
import { iamAnalysis } from './iam.js';
import { analyzeBench } from './analyze.js';
import { apiList } from './api-list.js';
import { apiAggregates } from './api-aggregates.js';
import { riskBench } from './risk.js';
import { ingest } from './ingest.js';
import { intelImport } from './intel-import.js';
import { storeCeiling } from './store-ceiling.js';
import { vulnMatch } from './vuln-match.js';
import { pathsBench } from './paths.js';
import { triageBench } from './triage.js';

/** Every benchmark, listed explicitly; `npm run bench -- --only <name>` picks by name prefix. */
export const BENCHMARKS: readonly Benchmark[] = [storeCeiling, ingest, intelImport, vulnMatch, iamAnalysis, analyzeBench, apiList, apiAggregates, pathsBench, triageBench, riskBench];
