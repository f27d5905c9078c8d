/**
 * The data of CVSS v4.0 scoring (FIRST, CVSS v4.0 Specification Document, section 8 "CVSS v4.0 Scoring"):
 * the expert-assigned score of every macro-vector, the highest-severity vectors of each equivalence class
 * and each class's depth. The numbers are the specification's (published with FIRST's reference
 * calculator, BSD-2-Clause); only the encoding here is ours.
 */
/**
 * Macro-vector scores, one line per EQ1 EQ2 EQ3 EQ4 prefix; the values follow for EQ5 EQ6 = 00 01 10 11
 * 20 21, or only 01 11 21 when EQ3 is 2 (EQ3=2 implies EQ6=1).
 */
const LOOKUP_TEXT = `
0000: 10 9.9 9.8 9.5 9.5 9.2
0001: 10 9.6 9.3 8.7 9.1 8.1
0002: 9.3 9 8.9 8 8.1 6.8
0010: 9.8 9.5 9.5 9.2 9 8.4
0011: 9.3 9.2 8.9 8.1 8.1 6.5
0012: 8.8 8 7.8 7 6.9 4.8
0020: 9.2 8.2 7.2
0021: 7.9 6.9 5
0022: 6.9 5.5 2.7
0100: 9.9 9.7 9.5 9.2 9.2 8.5
0101: 9.5 9.1 9 8.3 8.4 7.1
0102: 9.2 8.1 8.2 7.1 7.2 5.3
0110: 9.5 9.3 9.2 8.5 8.5 7.3
0111: 9.2 8.2 8 7.2 7 5.9
0112: 8.4 7 7.1 5.2 5 3
0120: 8.6 7.5 5.2
0121: 7.1 5.2 2.9
0122: 6.3 2.9 1.7
1000: 9.8 9.5 9.4 8.7 9.1 8.1
1001: 9.4 8.9 8.6 7.4 7.7 6.4
1002: 8.7 7.5 7.4 6.3 6.3 4.9
1010: 9.4 8.9 8.8 7.7 7.6 6.7
1011: 8.6 7.6 7.4 5.8 5.9 5
1012: 7.2 5.7 5.7 5.2 5.2 2.5
1020: 8.3 7 5.4
1021: 6.5 5.8 2.6
1022: 5.3 2.1 1.3
1100: 9.5 9 8.8 7.6 7.6 7
1101: 9 7.7 7.5 6.2 6.1 5.3
1102: 7.7 6.6 6.8 5.9 5.2 3
1110: 8.9 7.8 7.6 6.7 6.2 5.8
1111: 7.4 5.9 5.7 5.7 4.7 2.3
1112: 6.1 5.2 5.7 2.9 2.4 1.6
1120: 7.1 5.9 3
1121: 5.8 2.6 1.5
1122: 2.3 1.3 0.6
2000: 9.3 8.7 8.6 7.2 7.5 5.8
2001: 8.6 7.4 7.4 6.1 5.6 3.4
2002: 7 5.4 5.2 4 4 2.2
2010: 8.5 7.5 7.4 5.5 6.2 5.1
2011: 7.2 5.7 5.5 4.1 4.6 1.9
2012: 5.3 3.6 3.4 1.9 1.9 0.8
2020: 6.4 5.1 2
2021: 4.7 2.1 1.1
2022: 2.4 0.9 0.4
2100: 8.8 7.5 7.3 5.3 6 5
2101: 7.3 5.5 5.9 4 4.1 2
2102: 5.4 4.3 4.5 2.2 2 1.1
2110: 7.5 5.5 5.8 4.5 4 2.1
2111: 6.1 5.1 4.8 1.8 2 0.9
2112: 4.6 1.8 1.7 0.7 0.8 0.2
2120: 5.3 2.4 1.4
2121: 2.4 1.2 0.5
2122: 1 0.3 0.1
`;
function buildLookup() {
    const out = new Map();
    for (const line of LOOKUP_TEXT.trim().split('\n')) {
        const [prefix, rest] = line.split(': ');
        const suffixes = prefix[2] === '2' ? ['01', '11', '21'] : ['00', '01', '10', '11', '20', '21'];
        const values = rest.split(' ').map(Number);
        if (values.length !== suffixes.length)
            throw new Error(`CVSS v4 lookup line ${prefix}: ${values.length} values`);
        // Key order is EQ1..EQ6, and the suffix holds EQ5 then EQ6.
        suffixes.forEach((s, i) => out.set(prefix + s, values[i]));
    }
    return out;
}
/** Score of each macro-vector, keyed by its six EQ levels, e.g. `001200`. 270 entries. */
export const MACRO_SCORES = buildLookup();
const v = (text) => Object.fromEntries(text.split('/').map((p) => p.split(':')));
export const MAX_VECTORS = {
    eq1: [[v('AV:N/PR:N/UI:N')], [v('AV:A/PR:N/UI:N'), v('AV:N/PR:L/UI:N'), v('AV:N/PR:N/UI:P')], [v('AV:P/PR:N/UI:N'), v('AV:A/PR:L/UI:P')]],
    eq2: [[v('AC:L/AT:N')], [v('AC:H/AT:N'), v('AC:L/AT:P')]],
    eq3eq6: [
        [[v('VC:H/VI:H/VA:H/CR:H/IR:H/AR:H')], [v('VC:H/VI:H/VA:L/CR:M/IR:M/AR:H'), v('VC:H/VI:H/VA:H/CR:M/IR:M/AR:M')]],
        [[v('VC:L/VI:H/VA:H/CR:H/IR:H/AR:H'), v('VC:H/VI:L/VA:H/CR:H/IR:H/AR:H')],
            [v('VC:L/VI:H/VA:L/CR:H/IR:M/AR:H'), v('VC:L/VI:H/VA:H/CR:H/IR:M/AR:M'), v('VC:H/VI:L/VA:H/CR:M/IR:H/AR:M'),
                v('VC:H/VI:L/VA:L/CR:M/IR:H/AR:H'), v('VC:L/VI:L/VA:H/CR:H/IR:H/AR:M')]],
        [undefined, [v('VC:L/VI:L/VA:L/CR:H/IR:H/AR:H')]],
    ],
    eq4: [[v('SC:H/SI:S/SA:S')], [v('SC:H/SI:H/SA:H')], [v('SC:L/SI:L/SA:L')]],
    eq5: [[v('E:A')], [v('E:P')], [v('E:U')]],
};
/** Depth of each macro-vector: the largest severity distance inside it, plus one, in steps of 0.1. */
export const MAX_SEVERITY = {
    eq1: [1, 4, 5],
    eq2: [1, 2],
    eq3eq6: [[7, 6], [8, 8], [undefined, 10]],
    eq4: [6, 5, 4],
};
/** Severity levels per metric for distances (0 = most severe), in steps of 0.1 as the specification counts. */
export const LEVELS = {
    AV: { N: 0, A: 1, L: 2, P: 3 },
    PR: { N: 0, L: 1, H: 2 },
    UI: { N: 0, P: 1, A: 2 },
    AC: { L: 0, H: 1 },
    AT: { N: 0, P: 1 },
    VC: { H: 0, L: 1, N: 2 },
    VI: { H: 0, L: 1, N: 2 },
    VA: { H: 0, L: 1, N: 2 },
    SC: { H: 1, L: 2, N: 3 },
    SI: { S: 0, H: 1, L: 2, N: 3 },
    SA: { S: 0, H: 1, L: 2, N: 3 },
    CR: { H: 0, M: 1, L: 2 },
    IR: { H: 0, M: 1, L: 2 },
    AR: { H: 0, M: 1, L: 2 },
};
//# sourceMappingURL=v4-tables.js.map