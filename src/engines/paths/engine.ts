import type { NormalizedRecord } from '../../model/index.js';
import type { Engine, EngineContext } from '../engine.js';
import { loadSecurityGraph, type GraphOptions } from '../graph/load.js';
import type { IamModelOptions } from '../iam/model/iam-model.js';
import { runIamModel } from '../iam/model/shared.js';
import { PathEnumerator } from './enumerate.js';
import { pathFinding } from './findings.js';

export const PATHS_ENGINE_ID = 'paths';
/** One scope for every path: a complete run resolves each path no longer found, whatever hop was fixed. */
export const PATHS_SCOPE = 'paths:all';

export interface PathsEngineOptions extends GraphOptions, IamModelOptions {}

/** Builds the security graph, enumerates attack paths and yields one `path` finding each. */
export async function* analyzePaths(ctx: EngineContext, options: PathsEngineOptions = {}): AsyncIterable<NormalizedRecord> {
  const started = performance.now();
  // The IAM engine's model when it ran in this analyze: its escalations are computed already.
  const model = await runIamModel(ctx, options);
  const graph = await loadSecurityGraph(ctx.db, model, options);
  const built = performance.now();
  const paths = new PathEnumerator(graph).all();
  yield { type: 'coverage', scope: PATHS_SCOPE, coverage: 'complete' };
  for (const p of paths) yield { type: 'finding', scope: PATHS_SCOPE, finding: pathFinding(graph, p) };
  ctx.log(`paths: graph of ${graph.nodeCount} nodes and ${graph.edgeCount} edges in ${((built - started) / 1000).toFixed(1)} s, ` +
    `${paths.length} paths in ${((performance.now() - built) / 1000).toFixed(1)} s`);
}

export function pathsEngine(options: PathsEngineOptions = {}): Engine {
  return {
    id: PATHS_ENGINE_ID,
    version: 1,
    description: 'attack paths over the security graph: internet, outside principals and leaked user keys to admin, sensitive data, secrets and privileged pods',
    after: ['labels', 'iam', 'vulns', 'rules'],
    run: (ctx) => analyzePaths(ctx, options),
  };
}
