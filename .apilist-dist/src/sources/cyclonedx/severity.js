import { cvssSeverity } from '../shared/cvss.js';
import { severityFromScore } from '../shared/score-severity.js';
import { maxSeverity, severityFromWord } from '../shared/vuln-severity.js';
/**
 * One rating's severity: its word (`critical`..`info`, `none`), else its score (CVSS v2 has no critical
 * band), else its vector's base score. `unknown` and score 0 say nothing.
 */
function ratingSeverity(r) {
    const word = (r.severity ?? '').trim().toLowerCase();
    if (word && word !== 'unknown') {
        const s = severityFromWord(word);
        if (s)
            return s;
    }
    if (r.score != null && r.score > 0) {
        const s = severityFromScore(r.score);
        return s === 'critical' && /^cvssv2$/i.test(r.method ?? '') ? 'high' : s;
    }
    return cvssSeverity(r.vector);
}
/**
 * The highest severity among the ratings: a vulnerability is as bad as its worst credible rating, and
 * the ratings stay in the finding's properties for whoever wants another source's view. No usable
 * rating → info (unknown), as Trivy's UNKNOWN.
 */
export function highestSeverity(ratings) {
    return maxSeverity(ratings.map(ratingSeverity));
}
//# sourceMappingURL=severity.js.map