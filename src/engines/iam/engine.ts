import type { NormalizedRecord } from '../../model/index.js';
import type { Engine, EngineContext } from '../engine.js';
import { adminFindings, escalationFindings, externalTrustFindings, harmfulFindings, unusedRoleFindings } from './analyses.js';
import { HARMFUL_PERMISSIONS, type HarmfulCategory } from './harmful-permissions.js';
import type { IamModelOptions } from './model/iam-model.js';
import { runIamModel } from './model/shared.js';

export const IAM_ENGINE_ID = 'iam';
const SOURCE = `engine:${IAM_ENGINE_ID}`;

/** One scope per account: a complete run resolves what was fixed anywhere in the account's IAM. */
export const iamScope = (account: string): string => `iam:aws:${account}`;

export interface IamEngineOptions extends IamModelOptions {
  /** Harmful-permission catalogue (default: HARMFUL_PERMISSIONS). */
  harmful?: readonly HarmfulCategory[];
  /** Days without use after which a role is reported unused (default 90). */
  unusedDays?: number;
}

async function priorScopes(db: EngineContext['db']): Promise<string[]> {
  const rows = await db.query<{ scope: string }>('select distinct scope from finding_sources where source = $1', [SOURCE]);
  return rows.map((r) => r.scope);
}

/**
 * The IAM analyzer: admin-equivalent principals, privilege escalation paths, harmful permissions, external
 * trust and unused roles, from our own policy evaluator over the stored IAM inventory.
 */
export async function* analyzeIam(ctx: EngineContext, options: IamEngineOptions = {}): AsyncIterable<NormalizedRecord> {
  const started = performance.now();
  const model = await runIamModel(ctx, options);
  const harmful = options.harmful ?? HARMFUL_PERMISSIONS;
  const days = options.unusedDays ?? 90;
  const scopes = new Set(await priorScopes(ctx.db));
  const principals = model.principals();
  for (const p of principals) scopes.add(iamScope(p.account));
  // Accounts no longer in the inventory are claimed complete too: their findings resolve.
  for (const scope of [...scopes].sort()) yield { type: 'coverage', scope, coverage: 'complete' };
  let findings = 0;
  for (const p of principals) {
    const all = [
      ...adminFindings(model, p),
      ...escalationFindings(model, p),
      ...harmfulFindings(model, p, harmful),
      ...externalTrustFindings(model, p),
      ...unusedRoleFindings(p, ctx.now, days),
    ];
    findings += all.length;
    for (const finding of all) yield { type: 'finding', scope: iamScope(p.account), finding };
  }
  const unresolved = new Set(principals.flatMap((p) => p.unresolved));
  ctx.log(`iam: ${principals.length} principals in ${model.iam.accounts.size} accounts, ${findings} findings in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    (unresolved.size > 0 ? `; ${unresolved.size} AWS-managed policies not evaluated (no document): ${[...unresolved].slice(0, 5).join(', ')}` : ''));
}

export function iamEngine(options: IamEngineOptions = {}): Engine {
  return {
    id: IAM_ENGINE_ID,
    version: 1,
    description: 'AWS IAM analysis with our own policy evaluator: admin equivalence, privilege escalation, harmful permissions, external trust, unused roles',
    after: [],
    run: (ctx) => analyzeIam(ctx, options),
  };
}
