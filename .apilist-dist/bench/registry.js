import { iamAnalysis } from './iam.js';
import { analyzeBench } from './analyze.js';
import { apiList } from './api-list.js';
import { ingest } from './ingest.js';
import { intelImport } from './intel-import.js';
import { storeCeiling } from './store-ceiling.js';
import { vulnMatch } from './vuln-match.js';
/** Every benchmark, listed explicitly; `npm run bench -- --only <name>` picks by name prefix. */
export const BENCHMARKS = [storeCeiling, ingest, intelImport, vulnMatch, iamAnalysis, analyzeBench, apiList];
//# sourceMappingURL=registry.js.map