import { splitVector } from './vector.js';
import { LEVELS, MACRO_SCORES, MAX_SEVERITY, MAX_VECTORS } from './v4-tables.js';
/**
 * CVSS v4.0 score (FIRST, CVSS v4.0 Specification Document, section 8): the vector falls into a
 * macro-vector (six equivalence classes), whose expert-assigned score is lowered by how far the vector
 * sits from the most severe vectors of that macro-vector, interpolated towards the next lower one.
 * Threat and environmental metrics are honoured when present; a base-only vector gives CVSS-B.
 */
const BASE = {
    AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
    VC: ['H', 'L', 'N'], VI: ['H', 'L', 'N'], VA: ['H', 'L', 'N'], SC: ['H', 'L', 'N'], SI: ['H', 'L', 'N'], SA: ['H', 'L', 'N'],
};
const OPTIONAL = {
    E: ['X', 'A', 'P', 'U'], CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
    MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MAT: ['X', 'N', 'P'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'P', 'A'],
    MVC: ['X', 'H', 'L', 'N'], MVI: ['X', 'H', 'L', 'N'], MVA: ['X', 'H', 'L', 'N'],
    MSC: ['X', 'H', 'L', 'N'], MSI: ['X', 'S', 'H', 'L', 'N'], MSA: ['X', 'S', 'H', 'L', 'N'],
    S: ['X', 'N', 'P'], AU: ['X', 'N', 'Y'], R: ['X', 'A', 'U', 'I'], V: ['X', 'D', 'C'], RE: ['X', 'L', 'M', 'H'],
    U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};
/** The value a metric takes for scoring: modified metrics override base ones; unset E, CR, IR, AR assume the worst. */
function effective(metrics) {
    return (name) => {
        const value = metrics.get(name) ?? 'X';
        if (name === 'E')
            return value === 'X' ? 'A' : value;
        if (name === 'CR' || name === 'IR' || name === 'AR')
            return value === 'X' ? 'H' : value;
        const modified = metrics.get(`M${name}`);
        return modified && modified !== 'X' ? modified : value;
    };
}
function macroVector(m) {
    const eq1 = m('AV') === 'N' && m('PR') === 'N' && m('UI') === 'N' ? 0
        : (m('AV') === 'N' || m('PR') === 'N' || m('UI') === 'N') && m('AV') !== 'P' ? 1 : 2;
    const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
    const eq3 = m('VC') === 'H' && m('VI') === 'H' ? 0 : m('VC') === 'H' || m('VI') === 'H' || m('VA') === 'H' ? 1 : 2;
    const eq4 = m('SI') === 'S' || m('SA') === 'S' ? 0 : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H' ? 1 : 2;
    const eq5 = m('E') === 'A' ? 0 : m('E') === 'P' ? 1 : 2;
    const eq6 = (m('CR') === 'H' && m('VC') === 'H') || (m('IR') === 'H' && m('VI') === 'H') || (m('AR') === 'H' && m('VA') === 'H') ? 0 : 1;
    return [eq1, eq2, eq3, eq4, eq5, eq6];
}
const key = (eqs) => eqs.join('');
/** Every combination of the highest-severity vectors of the vector's macro-vector, as one metric map each. */
function maxVectors(eqs) {
    const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs;
    const groups = [MAX_VECTORS.eq1[eq1], MAX_VECTORS.eq2[eq2], MAX_VECTORS.eq3eq6[eq3][eq6], MAX_VECTORS.eq4[eq4], MAX_VECTORS.eq5[eq5]];
    let combos = [{}];
    for (const group of groups)
        combos = combos.flatMap((c) => group.map((g) => ({ ...c, ...g })));
    return combos;
}
const DISTANCE_METRICS = ['AV', 'PR', 'UI', 'AC', 'AT', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA', 'CR', 'IR', 'AR'];
/** The vector's severity distance, per metric, from the first maximal vector it does not exceed. */
function distances(m, eqs) {
    let last = {};
    for (const max of maxVectors(eqs)) {
        last = Object.fromEntries(DISTANCE_METRICS.map((name) => [name, LEVELS[name][m(name)] - LEVELS[name][max[name]]]));
        if (Object.values(last).every((d) => d >= 0))
            break;
    }
    return last;
}
/** Scores of the next lower macro-vector along each EQ (undefined where there is none). */
function lowerScores(eqs) {
    const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs;
    const at = (e) => MACRO_SCORES.get(key(e));
    // EQ3 and EQ6 move together: 00 has two lower neighbours (01, 10) and the higher-scoring one counts.
    let eq3eq6;
    if (eq3 === 0 && eq6 === 0) {
        const left = at([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
        const right = at([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
        eq3eq6 = left !== undefined && right !== undefined ? Math.max(left, right) : (left ?? right);
    }
    else if (eq3 === 1 && eq6 === 0)
        eq3eq6 = at([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
    else
        eq3eq6 = at([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
    return [
        at([eq1 + 1, eq2, eq3, eq4, eq5, eq6]),
        at([eq1, eq2 + 1, eq3, eq4, eq5, eq6]),
        eq3eq6,
        at([eq1, eq2, eq3, eq4 + 1, eq5, eq6]),
        at([eq1, eq2, eq3, eq4, eq5 + 1, eq6]),
    ];
}
/** The CVSS v4.0 score of a `CVSS:4.0/...` vector, or null when the vector is not valid v4.0. */
export function cvss4Score(vector) {
    const parsed = splitVector(vector);
    if (!parsed || parsed.version !== '4.0')
        return null;
    for (const [name, value] of parsed.metrics) {
        if (!(BASE[name] ?? OPTIONAL[name])?.includes(value))
            return null;
    }
    if (Object.keys(BASE).some((name) => !parsed.metrics.has(name)))
        return null;
    const m = effective(parsed.metrics);
    if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((name) => m(name) === 'N'))
        return 0;
    const eqs = macroVector(m);
    const value = MACRO_SCORES.get(key(eqs));
    if (value === undefined)
        return null;
    const d = distances(m, eqs);
    const [eq1, eq2, eq3, eq4, , eq6] = eqs;
    const current = [
        d.AV + d.PR + d.UI,
        d.AC + d.AT,
        d.VC + d.VI + d.VA + d.CR + d.IR + d.AR,
        d.SC + d.SI + d.SA,
        0, // EQ5 has depth 1: no vector is ever partway into it
    ];
    const depth = [MAX_SEVERITY.eq1[eq1], MAX_SEVERITY.eq2[eq2], MAX_SEVERITY.eq3eq6[eq3][eq6], MAX_SEVERITY.eq4[eq4], 1];
    const lower = lowerScores(eqs);
    let sum = 0;
    let n = 0;
    lower.forEach((score, i) => {
        if (score === undefined)
            return;
        n++;
        sum += (value - score) * (current[i] / depth[i]);
    });
    const score = Math.min(10, Math.max(0, value - (n === 0 ? 0 : sum / n)));
    // Round half up to one decimal; the epsilon absorbs floating-point noise at exact halves.
    return Math.round(score * 10 + 1e-9) / 10;
}
//# sourceMappingURL=v4.js.map