import { SEVERITIES } from '../../model/index.js';
import { canonicalAdvisoryId, isCveId } from '../../findings/advisory-id.js';
import { advisoryRelease } from './distro.js';
import { exploitRefs } from './exploitability.js';
import { ecosystemBase, packageKey } from './package-names.js';
import { compileAffected } from './versions/index.js';
/** `DEBIAN-CVE-2024-1234`, `UBUNTU-CVE-...`: per-CVE distro records whose id embeds the CVE. */
const EMBEDDED_CVE = /^[A-Z]+-(CVE-\d{4}-\d{4,})$/i;
function refUrls(refs) {
    if (!Array.isArray(refs))
        return [];
    return refs.flatMap((r) => {
        if (typeof r === 'string')
            return [r];
        const url = r && typeof r === 'object' ? r.url : undefined;
        return typeof url === 'string' ? [url] : [];
    });
}
/** A CVSS base score as a label, on the CVSS qualitative scale. */
export function severityFromScore(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'info';
}
function severityOf(row, ids) {
    if (row.cvss_score !== null && Number.isFinite(row.cvss_score))
        return { severity: severityFromScore(row.cvss_score), source: 'cvss' };
    const word = (row.severity ?? '').trim().toLowerCase();
    if (SEVERITIES.includes(word))
        return { severity: word, source: 'advisory' };
    // Installing a malicious package is the compromise, whatever the record says.
    if (ids.some((id) => /^MAL-/i.test(id)))
        return { severity: 'critical', source: 'malicious package' };
    // No rating at all (Debian's records carry none): not info, which would hide it; say it is a default.
    return { severity: 'medium', source: 'unrated' };
}
export function advisoryOf(row) {
    const aliases = (row.aliases ?? []).filter((a) => typeof a === 'string' && a.trim() !== '');
    const embedded = EMBEDDED_CVE.exec(row.id)?.[1];
    const related = embedded ? [...aliases, embedded] : aliases;
    const canonicalId = canonicalAdvisoryId(row.id, related, refUrls(row.refs));
    const ids = [...new Set([row.id, ...aliases])];
    const cves = [...new Set([canonicalId, ...related].filter(isCveId).map((c) => c.toUpperCase()))];
    const { severity, source } = severityOf(row, ids);
    return {
        id: row.id,
        canonicalId,
        aliases: ids.filter((i) => i.toUpperCase() !== canonicalId.toUpperCase()).sort(),
        cves,
        summary: row.summary?.trim() || null,
        details: row.details?.trim() || null,
        severity,
        severitySource: source,
        cvss: row.cvss_score !== null || row.cvss_vector ? { score: row.cvss_score, vector: row.cvss_vector } : null,
        exploitRefs: exploitRefs(row.refs),
    };
}
function asEntry(e) {
    if (!e || typeof e !== 'object')
        return undefined;
    const raw = e;
    const ecosystem = raw.package?.ecosystem;
    const name = raw.package?.name;
    if (typeof ecosystem !== 'string' || typeof name !== 'string' || !ecosystem || !name)
        return undefined;
    const ranges = Array.isArray(raw.ranges)
        ? raw.ranges.filter((r) => !!r && typeof r === 'object' && typeof r.type === 'string' && Array.isArray(r.events))
        : [];
    const versions = Array.isArray(raw.versions) ? raw.versions.filter((v) => typeof v === 'string') : [];
    return { ecosystem, name, affected: { ranges, versions } };
}
/** An advisory known only by its id until its text is loaded (AdvisoryIndex.describe). */
function placeholder(id) {
    return {
        id, canonicalId: id, aliases: [], cves: [], summary: null, details: null, severity: 'medium', severitySource: 'unrated',
        cvss: null, exploitRefs: [],
    };
}
/**
 * The run's advisories keyed by (ecosystem, package name), built once: each key holds the entries of
 * every advisory naming that package, each compiled on first use (events sorted and parsed once; entries
 * of a release no installed package runs are never compiled).
 *
 * Two ways in: `add` takes a whole row; `addEntries` takes only the ranges (what matching needs) and
 * leaves the advisory a placeholder until `describe` fills it with its text, for the matched ones only.
 */
export class AdvisoryIndex {
    byKey = new Map();
    /** Placeholders not described yet, by id. */
    pending = new Map();
    advisories = 0;
    entries = 0;
    add(row) {
        if (!Array.isArray(row.entries) || row.entries.length === 0)
            return;
        this.addWith(advisoryOf(row), row.entries);
    }
    addEntries(id, entries) {
        if (entries.length === 0)
            return;
        const advisory = placeholder(id);
        if (this.addWith(advisory, entries))
            this.pending.set(id, advisory);
    }
    /** The ids among `matched` whose text is still to be loaded. */
    undescribed(matched) {
        const out = new Set();
        for (const a of matched)
            if (this.pending.get(a.id) === a)
                out.add(a.id);
        return [...out].sort();
    }
    /** Completes a placeholder in place: every match already holding it sees the text. */
    describe(row) {
        const advisory = this.pending.get(row.id);
        if (!advisory)
            return;
        Object.assign(advisory, advisoryOf({ ...row, entries: null }));
        this.pending.delete(row.id);
    }
    addWith(advisory, rawEntries) {
        let added = false;
        for (const raw of rawEntries) {
            const e = asEntry(raw);
            if (!e)
                continue;
            const release = advisoryRelease(e.ecosystem);
            if (release === undefined)
                continue; // a distro stream images do not run (Ubuntu Pro, RHEL EUS)
            const key = packageKey(ecosystemBase(e.ecosystem), e.name);
            let list = this.byKey.get(key);
            if (!list) {
                list = [];
                this.byKey.set(key, list);
            }
            list.push({ advisory, ecosystem: e.ecosystem, release, affected: e.affected, test: lazyTest(e.ecosystem, e.affected) });
            this.entries++;
            added = true;
        }
        if (added)
            this.advisories++;
        return added;
    }
    lookup(key) {
        return this.byKey.get(key);
    }
}
/** compileAffected on the first call: most entries of a large index are never asked. */
function lazyTest(ecosystem, affected) {
    let compiled;
    return (version) => (compiled ??= compileAffected(ecosystem, affected))(version);
}
//# sourceMappingURL=advisories.js.map