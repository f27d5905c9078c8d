import { SEVERITIES } from '../../model/index.js';
/** Trivy severities: CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN. Unknown or missing → info. */
export function severityOf(trivy) {
    const s = (trivy ?? '').toLowerCase();
    return SEVERITIES.includes(s) && s !== 'info' ? s : 'info';
}
const rank = (s) => SEVERITIES.length - SEVERITIES.indexOf(s);
/** One sighting: the draft as is. Several: the list of places goes into evidence.occurrences. */
export const listOccurrences = (first, occurrences) => occurrences.length < 2 ? first : { ...first, evidence: { ...first.evidence, occurrences } };
/**
 * Sightings with one fingerprint are one finding: Trivy reports the same CVE in the same package once per
 * lockfile or jar, and the store keeps one row per fingerprint. Rather than let the sync keep the last
 * sighting, every place is kept as evidence and the highest severity wins.
 *
 * Memory: one entry per finding it holds (its first draft, a few KB, and each occurrence, ~300 bytes). A
 * report parsed whole (up to STREAM_ABOVE_BYTES) adds all its findings, next to the whole document; a
 * streamed one (stream.ts) uses addUntil(), so only findings still waiting for a later sighting are held.
 */
export class FindingSet {
    finalize;
    entries = new Map();
    constructor(finalize = listOccurrences) {
        this.finalize = finalize;
    }
    add(sighting) {
        const e = this.entries.get(sighting.finding.fingerprint);
        if (!e) {
            this.entries.set(sighting.finding.fingerprint, { first: sighting.finding, severity: sighting.finding.severity, occurrences: [sighting.occurrence] });
            return;
        }
        e.occurrences.push(sighting.occurrence);
        if (rank(sighting.finding.severity) > rank(e.severity))
            e.severity = sighting.finding.severity;
    }
    /**
     * Adds a sighting of a fingerprint known to have `expected` sightings in all; once the last one is in, the
     * finished finding is returned and forgotten, so only findings still waiting for sightings are held.
     */
    addUntil(sighting, expected) {
        this.add(sighting);
        const fp = sighting.finding.fingerprint;
        const e = this.entries.get(fp);
        if (e.occurrences.length < expected)
            return undefined;
        this.entries.delete(fp);
        return this.finalize({ ...e.first, severity: e.severity }, e.occurrences);
    }
    get size() {
        return this.entries.size;
    }
    *drain() {
        for (const e of this.entries.values())
            yield this.finalize({ ...e.first, severity: e.severity }, e.occurrences);
        this.entries.clear();
    }
}
//# sourceMappingURL=finding-set.js.map