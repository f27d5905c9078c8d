import { scoreOf, severityFromScore } from '../shared/score-severity.js';
const LEVELS = { error: 'high', warning: 'medium', note: 'low', none: 'info' };
/**
 * `security-severity` (a CVSS-like 0–10 score GitHub code scanning reads, on the result or its rule)
 * when present; else the level: the result's, else the rule's default (§3.27.10), else `warning`.
 */
export function severityOfResult(result, rule) {
    const score = scoreOf(result.properties?.['security-severity']) ?? scoreOf(rule?.properties?.['security-severity']);
    const level = (result.level ?? rule?.defaultConfiguration?.level ?? 'warning').toLowerCase();
    if (score !== undefined)
        return { severity: severityFromScore(score), score, level };
    return { severity: Object.hasOwn(LEVELS, level) ? LEVELS[level] : 'medium', score: null, level };
}
//# sourceMappingURL=severity.js.map