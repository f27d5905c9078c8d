import { badInput } from '../../model/errors.js';
import { cvssScore, severityOfLabel, severityOfScore } from '../cvss/index.js';
import { OsvRecord } from './schema.js';
// Vector types in order of preference: v3 first because scanners report v3 scores, so findings compare.
const VECTOR_TYPES = ['CVSS_V3', 'CVSS_V4'];
/** Go's vulndb writes the zero time (0001-01-01) for "not set". */
function timestamp(value) {
    return !value || value.startsWith('0001-01-01') ? null : value;
}
function pickVector(record) {
    const entries = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
    const candidates = VECTOR_TYPES.flatMap((type) => entries.filter((e) => e.type === type).map((e) => e.score.trim()));
    for (const vector of candidates) {
        const score = cvssScore(vector);
        if (score !== null)
            return { vector, score };
    }
    // A vector we cannot score is still worth keeping for people to read.
    return candidates[0] ? { vector: candidates[0], score: null } : null;
}
function labelOf(record) {
    const own = record.database_specific?.severity;
    if (typeof own === 'string' && severityOfLabel(own))
        return severityOfLabel(own);
    for (const entry of record.severity ?? []) {
        if (entry.type === 'Ubuntu' && severityOfLabel(entry.score))
            return severityOfLabel(entry.score);
    }
    return null;
}
/**
 * Validates an OSV record and maps it to its row. Severity comes from the CVSS score when a vector can be
 * scored, else from the feed's own label (GHSA's database_specific.severity, Ubuntu's priority).
 */
export function advisoryFromOsv(doc, where) {
    const parsed = OsvRecord.safeParse(doc);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        throw badInput(where, `OSV record${path ? ` field ${path}` : ''}: ${issue?.message ?? 'invalid'}`);
    }
    const record = parsed.data;
    const raw = doc;
    const cvss = pickVector(record);
    return {
        id: record.id,
        aliases: [...new Set(record.aliases ?? [])],
        summary: record.summary ?? null,
        details: record.details ?? null,
        severity: cvss?.score != null ? severityOfScore(cvss.score) : labelOf(record),
        cvssVector: cvss?.vector ?? null,
        cvssScore: cvss?.score ?? null,
        published: timestamp(record.published),
        modified: timestamp(record.modified),
        withdrawn: timestamp(record.withdrawn),
        affected: raw.affected ?? [],
        refs: raw.references ?? [],
    };
}
//# sourceMappingURL=advisory.js.map