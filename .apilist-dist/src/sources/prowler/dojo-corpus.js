import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AssetDraft, FindingDraft } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
/**
 * Helpers for the corpus tests of the cloud posture parsers (prowler-*, asff): DefectDojo's test files and their
 * expected counts (../shared/corpus/defectdojo/index.json, see its README). Read at test time, never copied.
 */
export const CORPUS_DIR = join(process.cwd(), '..', 'shared', 'corpus');
export const DOJO_DIR = join(CORPUS_DIR, 'defectdojo');
/** The index entries of the given DefectDojo tool folders; none when the corpus is absent. */
export function dojoEntries(tools) {
    const index = join(DOJO_DIR, 'index.json');
    if (!existsSync(index))
        return [];
    return JSON.parse(readFileSync(index, 'utf8')).filter((e) => tools.includes(e.tool));
}
function walk(dir) {
    return readdirSync(dir).sort().flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
    });
}
/** Every report file of the corpus that another parser might claim: DefectDojo's tool folders and Trivy's goldens. */
export function corpusReports() {
    const roots = [DOJO_DIR, join(CORPUS_DIR, 'trivy-golden')].filter((d) => existsSync(d));
    return roots.flatMap((root) => walk(root)).filter((p) => !/(index\.json|README\.md|LICENSE[^/]*)$/.test(p));
}
/** A report with no results (an empty file, `[]`): its format cannot be told from its content. */
export function isEmptyReport(path) {
    const text = readFileSync(path, 'utf8').trim();
    return text === '' || /^\[\s*\]$/.test(text);
}
export async function parseWith(parser, path) {
    const out = [];
    for await (const r of parser.parse(await openReportFile(path)))
        out.push(r);
    return out;
}
export function findingsOf(records) {
    return records.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
}
/** DefectDojo's assertions grouped by the finding they are about (its index in DefectDojo's list). */
export function assertionGroups(entry) {
    const groups = new Map();
    for (const a of entry.asserted_fields ?? []) {
        // `"i"` marks assertions made in a loop over all findings: each value is its own group.
        const key = a.index === 'i' ? `i:${groups.size}` : String(a.index);
        const last = a.index === 'i' ? [...groups.entries()].pop() : undefined;
        const target = last && last[0].startsWith('i:') && !last[1].has(a.field) ? last[1] : groups.get(key) ?? new Map();
        target.set(a.field, a.value);
        if (target !== last?.[1])
            groups.set(key, target);
    }
    return groups;
}
/**
 * Checks DefectDojo's per-finding assertions against our findings. DefectDojo's list order is its own, so a
 * group is matched by an identifying field (the first of `identify` present: a title, a tool id) and then
 * every other field that `checks` maps must hold for the matched finding.
 */
export function checkGroups(findings, groups, identify, checks) {
    const out = { matched: 0, unmatched: [], failures: [] };
    for (const [index, fields] of groups) {
        const key = identify.find((k) => fields.has(k) && checks[k]);
        if (!key)
            continue;
        const value = fields.get(key);
        const candidates = findings.filter((f) => checks[key](f, value));
        if (candidates.length === 0) {
            out.unmatched.push(`#${index} ${key}=${JSON.stringify(value)}`);
            continue;
        }
        out.matched++;
        const others = [...fields].filter(([k]) => k !== key && checks[k]);
        if (!candidates.some((f) => others.every(([k, v]) => checks[k](f, v)))) {
            out.failures.push(`#${index} ${key}=${JSON.stringify(value)}: ${others.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
        }
    }
    return out;
}
/** DefectDojo's severity words (`Info`, `High`) against ours. */
export const severityCheck = (f, v) => typeof v === 'string' && f.severity === (v.toLowerCase() === 'informational' ? 'info' : v.toLowerCase());
/**
 * What is wrong with a parser's records, if anything: items that fail the model schemas, items in a scope with
 * no coverage statement, two findings with one fingerprint in one report.
 */
export function recordProblems(records) {
    const problems = [];
    const covered = new Set(records.filter((r) => r.type === 'coverage').map((r) => r.scope));
    const fingerprints = new Set();
    for (const r of records) {
        if (r.type !== 'coverage' && !covered.has(r.scope))
            problems.push(`${r.type} in scope ${r.scope} without coverage`);
        if (r.type === 'asset' && !AssetDraft.safeParse(r.asset).success)
            problems.push(`invalid asset ${r.asset.uid}`);
        if (r.type === 'finding') {
            if (!FindingDraft.safeParse(r.finding).success)
                problems.push(`invalid finding ${r.finding.fingerprint}`);
            if (fingerprints.has(r.finding.fingerprint))
                problems.push(`duplicate fingerprint ${r.finding.fingerprint}`);
            fingerprints.add(r.finding.fingerprint);
        }
    }
    return problems;
}
//# sourceMappingURL=dojo-corpus.js.map