import { ruleFingerprint } from '../../findings/fingerprint.js';
import { remediationText } from './rule.js';
import { loadRulePacks } from './load.js';
/** Evaluates one rule: its findings, in the rule's own scope, which is complete when the query ran. */
export async function* evaluateRule(rule, ctx) {
    const scope = `rule:${rule.id}`;
    let rows;
    try {
        rows = await ctx.db.query(rule.sql);
    }
    catch (e) {
        // A broken rule must not resolve its open findings: its scope is failed, not empty.
        ctx.log(`rule ${rule.id} failed: ${e.message}`);
        yield { type: 'coverage', scope, coverage: 'failed', error: e.message };
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
                remediation: remediationText(rule.remediation),
                properties: { frameworks: rule.frameworks },
                originalId: rule.id,
            },
        };
    }
}
/** The rules engine over already loaded rules (default: the built-in pack). */
export function rulesEngine(loaded = loadRulePacks()) {
    return {
        id: 'rules',
        version: 1,
        description: `configuration rules as SQL over the public views (${loaded.length} rules)`,
        after: [],
        async *run(ctx) {
            for (const rule of loaded)
                yield* evaluateRule(rule, ctx);
        },
    };
}
//# sourceMappingURL=engine.js.map