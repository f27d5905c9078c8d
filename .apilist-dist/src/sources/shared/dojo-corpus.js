import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AssetDraft, FindingDraft, LabelDraft, PackageDraft } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
/**
 * Test support for the parsers' conformance with DefectDojo's parser test samples
 * (../shared/corpus/defectdojo, see its README): the index entries of a parser's folders, the records a
 * file yields, what is wrong with them, and whether a finding agrees with a field DefectDojo's tests assert.
 * Used by the parsers' corpus tests only; nothing here touches the store.
 */
export const DOJO_DIR = join(process.cwd(), '..', 'shared', 'corpus', 'defectdojo');
/** The index entries of the conformance's folders; [] when the corpus is absent. */
export function dojoEntries(conformance) {
    const index = join(DOJO_DIR, 'index.json');
    if (!existsSync(index))
        return [];
    return JSON.parse(readFileSync(index, 'utf8')).filter((e) => conformance.tools.includes(e.tool));
}
/** The count our parser must give: the listed difference, else DefectDojo's. */
export function expectedCount(conformance, entry) {
    return conformance.differences.find((d) => d.file === entry.path)?.ours ?? entry.expected_findings;
}
export async function readRecords(parser, path) {
    const out = [];
    for await (const r of parser.parse(await openReportFile(path)))
        out.push(r);
    return out;
}
export const findingsOf = (records) => records.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
/**
 * What is wrong with a parser's records: an item invalid by the model's schemas, an item in a scope without
 * a coverage statement, two findings with one fingerprint, two packages with one (asset, purl, path).
 */
export function recordProblems(records) {
    const problems = [];
    const covered = new Set(records.filter((r) => r.type === 'coverage').map((r) => r.scope));
    const schemas = { asset: AssetDraft, package: PackageDraft, finding: FindingDraft, label: LabelDraft };
    for (const r of records) {
        if (r.type === 'coverage' || r.type === 'relationship') {
            if (r.type === 'relationship' && !covered.has(r.scope))
                problems.push(`scope ${r.scope} has no coverage`);
            continue;
        }
        if (!covered.has(r.scope))
            problems.push(`scope ${r.scope} has no coverage`);
        const value = r.type === 'asset' ? r.asset : r.type === 'package' ? r.package : r.type === 'label' ? r.label : r.finding;
        const check = schemas[r.type].safeParse(value);
        if (!check.success)
            problems.push(`${r.type}: ${check.error.issues[0]?.message ?? 'invalid'}`);
    }
    const fps = findingsOf(records).map((f) => f.fingerprint);
    if (new Set(fps).size !== fps.length)
        problems.push('two findings share a fingerprint');
    const pkgs = records.flatMap((r) => (r.type === 'package' ? [`${r.package.assetUid} ${r.package.purl} ${r.package.path ?? ''}`] : []));
    if (new Set(pkgs).size !== pkgs.length)
        problems.push('two packages share asset, purl and path');
    return problems;
}
/** The asserted fields per DefectDojo finding: by index, or by the vuln id of a loop's `where` clause. */
export function assertedGroups(asserted) {
    const m = new Map();
    for (const a of asserted) {
        const key = a.index === '*' ? /vuln_id_from_tool == '([^']+)'/.exec(a.where ?? '')?.[1] ?? `*${a.where ?? ''}` : `#${a.index}`;
        m.set(key, [...(m.get(key) ?? []), a]);
    }
    return [...m.values()];
}
function strings(v) {
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
}
/** Each place a finding was seen: its occurrences, or its evidence when seen once. */
export function occurrencesOf(f) {
    const ev = f.evidence ?? {};
    return Array.isArray(ev.occurrences) ? ev.occurrences : [ev];
}
/**
 * Whether a finding agrees with a DefectDojo field, for fields with a counterpart in our model: severity,
 * title (ours contains it), component name and version, ids, CVSS vector, CWEs, file path, fix.
 */
export function fieldAgrees(f, field, value) {
    const p = f.properties ?? {};
    const occ = occurrencesOf(f);
    const v = typeof value === 'string' ? value : JSON.stringify(value);
    const ids = [f.advisoryId, f.originalId, ...strings(p.aliases)].filter((x) => !!x).map((x) => x.toUpperCase());
    const cwes = strings(p.cweIds).map((c) => c.toUpperCase());
    const cwe = (x) => (typeof x === 'string' && /^CWE-/i.test(x) ? x.toUpperCase() : `CWE-${String(x)}`);
    switch (field.replace(/\[\d+\]$/, '')) {
        case 'severity': return f.severity === v.toLowerCase();
        case 'title': return f.title.includes(v);
        case 'component_name': return p.packageName === v || String(p.packageName).endsWith(`:${v}`);
        case 'component_version': return occ.some((o) => o.installedVersion === value);
        case 'vuln_id_from_tool':
        case 'unsaved_vulnerability_ids': return ids.includes(v.toUpperCase());
        // One finding may merge several of the tool's records: each occurrence keeps its own id.
        case 'unique_id_from_tool': return f.originalId === value || occ.some((o) => o.originalId === value);
        case 'cvssv3': {
            const vectors = Array.isArray(p.cvss) ? p.cvss.map((c) => c.vector ?? null) : [];
            return value === null ? vectors.every((x) => x === null) : vectors.includes(value);
        }
        case 'cwe': return cwes.includes(cwe(value));
        case 'unsaved_cwes': return Array.isArray(value) && JSON.stringify(cwes) === JSON.stringify(value.map(cwe));
        case 'file_path': return occ.some((o) => o.path === value || o.source === value || o.from === value);
        case 'fix_available': return (strings(p.fixedVersions).length > 0) === value;
        case 'fix_version': return value === null ? strings(p.fixedVersions).length === 0 : strings(p.fixedVersions).includes(v);
        default: throw new Error(`no counterpart for DefectDojo field ${field}`);
    }
}
/** Every file of the test corpus (DefectDojo's samples, Trivy's goldens, SBOMs, OSV records); [] when absent. */
export function corpusFiles() {
    const root = join(DOJO_DIR, '..');
    if (!existsSync(root))
        return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name));
}
/** The corpus folder a file lies in, e.g. `defectdojo/anchore_grype` or `trivy-golden`. */
export function corpusFolder(path) {
    const rel = relative(join(DOJO_DIR, '..'), path).split(sep);
    return rel[0] === 'defectdojo' ? rel.slice(0, 2).join('/') : rel[0] ?? '';
}
/**
 * The asserted fields of one DefectDojo finding that are worth comparing: those in `fields`, without the
 * CWEs DefectDojo writes when the tool gives none (1035, "Using Components with Known Vulnerabilities",
 * and 0).
 */
export function comparable(group, fields) {
    return group.filter((a) => fields.includes(a.field.replace(/\[\d+\]$/, '')) && !(a.field === 'cwe' && (a.value === 1035 || a.value === 0)));
}
//# sourceMappingURL=dojo-corpus.js.map