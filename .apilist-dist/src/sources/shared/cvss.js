import { severityFromScore } from './score-severity.js';
/**
 * CVSS base scores from vectors, for records that carry a vector and no rating (OSV records outside GitHub's
 * database). Versions 3.0/3.1 and 2 are computed as their specifications say; 4.0 is not (its scoring is a
 * lookup table), so a v4 vector gives no score.
 */
function metrics(vector) {
    const m = new Map();
    for (const part of vector.split('/')) {
        const [k, v] = part.split(':');
        if (k && v !== undefined)
            m.set(k.trim(), v.trim());
    }
    return m;
}
function pick(table, key) {
    return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
/** CVSS 3.1 Roundup: the smallest number with one decimal that is >= the input, free of float error. */
function roundUp(x) {
    const i = Math.round(x * 100000);
    return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}
const AV3 = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC3 = { L: 0.77, H: 0.44 };
const UI3 = { N: 0.85, R: 0.62 };
const CIA3 = { H: 0.56, L: 0.22, N: 0 };
function score3(m) {
    const scope = m.get('S');
    if (scope !== 'U' && scope !== 'C')
        return undefined;
    const pr = pick(scope === 'C' ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, m.get('PR'));
    const av = pick(AV3, m.get('AV'));
    const ac = pick(AC3, m.get('AC'));
    const ui = pick(UI3, m.get('UI'));
    const c = pick(CIA3, m.get('C'));
    const i = pick(CIA3, m.get('I'));
    const a = pick(CIA3, m.get('A'));
    if (pr === undefined || av === undefined || ac === undefined || ui === undefined || c === undefined || i === undefined || a === undefined)
        return undefined;
    const iss = 1 - (1 - c) * (1 - i) * (1 - a);
    const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
    const exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0)
        return 0;
    return roundUp(Math.min((scope === 'U' ? 1 : 1.08) * (impact + exploitability), 10));
}
const AV2 = { L: 0.395, A: 0.646, N: 1 };
const AC2 = { H: 0.35, M: 0.61, L: 0.71 };
const AU2 = { M: 0.45, S: 0.56, N: 0.704 };
const CIA2 = { N: 0, P: 0.275, C: 0.66 };
function score2(m) {
    const av = pick(AV2, m.get('AV'));
    const ac = pick(AC2, m.get('AC'));
    const au = pick(AU2, m.get('Au'));
    const c = pick(CIA2, m.get('C'));
    const i = pick(CIA2, m.get('I'));
    const a = pick(CIA2, m.get('A'));
    if (av === undefined || ac === undefined || au === undefined || c === undefined || i === undefined || a === undefined)
        return undefined;
    const impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
    const exploitability = 20 * av * ac * au;
    const f = impact === 0 ? 0 : 1.176;
    return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10) / 10;
}
/** The base score of a CVSS 3.x or 2 vector (`CVSS:3.1/AV:N/...`, `AV:N/AC:L/Au:N/...`); undefined otherwise. */
export function cvssBaseScore(vector) {
    const v = (vector ?? '').trim();
    if (/^CVSS:3\.[01]\//.test(v))
        return score3(metrics(v));
    if (/^(?:\(?AV:[LAN]\/)/.test(v))
        return score2(metrics(v.replace(/^\(|\)$/g, '')));
    return undefined;
}
/** The rating of a vector: v3 by its qualitative scale, v2 by its own (no critical: 7.0 and above is high). */
export function cvssSeverity(vector) {
    const score = cvssBaseScore(vector);
    if (score === undefined)
        return undefined;
    const rating = severityFromScore(score);
    return /^CVSS:3/.test((vector ?? '').trim()) || rating !== 'critical' ? rating : 'high';
}
//# sourceMappingURL=cvss.js.map