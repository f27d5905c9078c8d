import { labelsConfig, loadLabelsConfigFile } from './config.js';
import { familiesLabeler } from './families.js';
import { iamLabeler } from './iam.js';
import { publicLabeler } from './public.js';
import { sensitiveDataLabeler } from './sensitive.js';
import { unencryptedLabeler } from './unencrypted.js';
export const LABELS_ENGINE_ID = 'labels';
const SOURCE = `engine:${LABELS_ENGINE_ID}`;
/** Every label lives in its own scope: a failed computation keeps that label's assets as they were. */
export const labelScope = (label) => `labels:${label}`;
export const LABELERS = [publicLabeler, unencryptedLabeler, sensitiveDataLabeler, iamLabeler, familiesLabeler];
/** Runs the labelers; scopes this engine covered before but no longer computes (a family removed) are claimed empty. */
export async function* computeLabels(ctx, config, labelers = LABELERS) {
    const covered = new Set();
    for (const labeler of labelers) {
        const scopes = labeler.labels(config).map(labelScope);
        scopes.forEach((s) => covered.add(s));
        let hits;
        try {
            hits = await labeler.compute(ctx, config);
        }
        catch (e) {
            ctx.log(`labels: ${labeler.name} failed: ${e.message}`);
            for (const scope of scopes)
                yield { type: 'coverage', scope, coverage: 'failed', error: e.message };
            continue;
        }
        for (const scope of scopes)
            yield { type: 'coverage', scope, coverage: 'complete' };
        for (const h of hits)
            yield { type: 'label', scope: labelScope(h.label), label: h };
    }
    const prior = await ctx.db.query(`select scope from scope_state where source = $1 and scope like 'labels:%'`, [SOURCE]);
    for (const { scope } of prior)
        if (!covered.has(scope))
            yield { type: 'coverage', scope, coverage: 'complete' };
}
/**
 * Derived asset labels (docs/labels.md): isPublic, Unencrypted, SensitiveData, the IAM labels and the
 * vulnerability families. Runs after the engines whose findings it reads, when they are present.
 */
export function labelsEngine(overrides = {}) {
    const config = labelsConfig(overrides);
    return {
        id: LABELS_ENGINE_ID,
        version: 1,
        description: 'derived asset labels: isPublic, Unencrypted, SensitiveData, AdminEquivalent, HighlyPermissiveRole, ExternallyAssumable, vulnerability families',
        after: ['rules', 'vulns', 'iam'],
        run: (ctx) => computeLabels(ctx, config),
    };
}
/** `engines` with the labels engine configured from the file at `path` (none: as they are). Reads and validates the file now. */
export function withLabelsConfigFile(engines, path) {
    if (path === undefined)
        return [...engines];
    const labels = labelsEngine(loadLabelsConfigFile(path));
    return engines.map((e) => (e.id === labels.id ? labels : e));
}
//# sourceMappingURL=engine.js.map