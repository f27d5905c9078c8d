import type { Engine, EngineContext } from '../engine.js';
import type { NormalizedRecord } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { Rule, type RuleInput, type RuleViolation } from './rule.js';
import { BUILTIN_RULES } from './builtin/index.js';

export function loadRules(inputs: readonly RuleInput[]): Rule[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const r = Rule.safeParse(input);
    if (!r.success) throw badInput(`rule ${(input as { id?: string }).id ?? `#${i}`}`, `${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
    if (seen.has(r.data.id)) throw badInput(`rule ${r.data.id}`, 'defined twice');
    seen.add(r.data.id);
    return r.data;
  });
}

/** Evaluates one rule: its findings, in the rule's own scope, which is complete when the query ran. */
export async function* evaluateRule(rule: Rule, ctx: EngineContext): AsyncIterable<NormalizedRecord> {
  const scope = `rule:${rule.id}`;
  let rows: RuleViolation[];
  try {
    rows = await ctx.db.query<RuleViolation>(rule.sql);
  } catch (e) {
    // A broken rule must not resolve its open findings: its scope is failed, not empty.
    ctx.log(`rule ${rule.id} failed: ${(e as Error).message}`);
    yield { type: 'coverage', scope, coverage: 'failed', error: (e as Error).message };
    return;
  }
  yield { type: 'coverage', scope, coverage: 'complete' };
  for (const row of rows) {
    yield {
      type: 'finding',
      scope,
      finding: {
        fingerprint: ruleFingerprint(rule.kind, rule.id, row.asset_uid, row.detail ?? undefined),
        kind: rule.kind,
        ruleId: rule.id,
        title: rule.title,
        description: rule.rationale,
        severity: rule.severity,
        assetUid: row.asset_uid,
        evidence: row.evidence ?? {},
        remediation: rule.remediation,
        properties: { frameworks: rule.frameworks },
        originalId: rule.id,
      },
    };
  }
}

export function rulesEngine(rules: readonly RuleInput[] = BUILTIN_RULES): Engine {
  const loaded = loadRules(rules);
  return {
    id: 'rules',
    version: 1,
    description: `configuration rules as SQL over the public views (${loaded.length} rules)`,
    after: [],
    async *run(ctx) {
      for (const rule of loaded) yield* evaluateRule(rule, ctx);
    },
  };
}
