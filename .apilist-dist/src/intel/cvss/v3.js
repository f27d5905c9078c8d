import { splitVector } from './vector.js';
/**
 * CVSS v3.0 / v3.1 base score, by the specification's formulas (FIRST, CVSS v3.1 Specification
 * Document, section 7.1 and Appendix A for Roundup). Temporal and environmental metrics are accepted in
 * the vector and validated, but only the base score is computed: that is what advisories publish.
 */
const WEIGHTS = {
    AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
    AC: { L: 0.77, H: 0.44 },
    UI: { N: 0.85, R: 0.62 },
    CIA: { H: 0.56, L: 0.22, N: 0 },
};
// Privileges Required weighs more when the scope changes: the attacker's privileges reach further.
const PR_UNCHANGED = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED = { N: 0.85, L: 0.68, H: 0.5 };
const BASE_VALUES = {
    AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], PR: ['N', 'L', 'H'], UI: ['N', 'R'], S: ['U', 'C'],
    C: ['H', 'L', 'N'], I: ['H', 'L', 'N'], A: ['H', 'L', 'N'],
};
const OTHER_VALUES = {
    E: ['X', 'H', 'F', 'P', 'U'], RL: ['X', 'U', 'W', 'T', 'O'], RC: ['X', 'C', 'R', 'U'],
    CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
    MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'R'], MS: ['X', 'U', 'C'],
    MC: ['X', 'H', 'L', 'N'], MI: ['X', 'H', 'L', 'N'], MA: ['X', 'H', 'L', 'N'],
};
/**
 * v3.1's Roundup: the smallest one-decimal number >= x, computed on integers so that floating-point
 * noise (e.g. 4.000000000000001) does not round up a whole step.
 */
export function roundUp31(x) {
    const i = Math.round(x * 100_000);
    return i % 10_000 === 0 ? i / 100_000 : (Math.floor(i / 10_000) + 1) / 10;
}
/** v3.0 defined Roundup plainly as ceil to one decimal. */
export function roundUp30(x) {
    return Math.ceil(x * 10) / 10;
}
function pick(table, key) {
    return table[key];
}
/** The base score of a `CVSS:3.0/...` or `CVSS:3.1/...` vector, or null when the vector is not valid v3. */
export function cvss3BaseScore(vector) {
    const v = splitVector(vector);
    if (!v || (v.version !== '3.0' && v.version !== '3.1'))
        return null;
    for (const [name, value] of v.metrics) {
        const allowed = BASE_VALUES[name] ?? OTHER_VALUES[name];
        if (!allowed?.includes(value))
            return null;
    }
    const m = (name) => v.metrics.get(name);
    if (Object.keys(BASE_VALUES).some((name) => m(name) === undefined))
        return null;
    const changed = m('S') === 'C';
    const iss = 1 - (1 - pick(WEIGHTS.CIA, m('C'))) * (1 - pick(WEIGHTS.CIA, m('I'))) * (1 - pick(WEIGHTS.CIA, m('A')));
    const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    const exploitability = 8.22 * pick(WEIGHTS.AV, m('AV')) * pick(WEIGHTS.AC, m('AC'))
        * pick(changed ? PR_CHANGED : PR_UNCHANGED, m('PR')) * pick(WEIGHTS.UI, m('UI'));
    if (impact <= 0)
        return 0;
    const roundUp = v.version === '3.1' ? roundUp31 : roundUp30;
    return roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
}
//# sourceMappingURL=v3.js.map