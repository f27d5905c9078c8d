import { canonicalAdvisory } from '../shared/advisory-id.js';
import { cvssBaseScore, cvssSeverity } from '../shared/cvss.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { severityFromScore } from '../shared/score-severity.js';
import { maxSeverity, severityFromWord } from '../shared/vuln-severity.js';
/**
 * The package's records in groups. osv-scanner groups records that alias each other; records no group
 * names (output of releases before groups) are a group of their own.
 */
export function groupsOf(entry) {
    const byId = new Map(entry.vulnerabilities.map((r) => [r.id, r]));
    const used = new Set();
    const groups = entry.groups.map((g) => {
        const records = g.ids.flatMap((id) => byId.get(id) ?? []);
        for (const r of records)
            used.add(r.id);
        return { ids: g.ids.length ? g.ids : records.map((r) => r.id), aliases: g.aliases, maxScore: g.max_severity ?? null, records };
    });
    for (const r of entry.vulnerabilities) {
        if (!used.has(r.id))
            groups.push({ ids: [r.id], aliases: r.aliases, maxScore: null, records: [r] });
    }
    return groups.filter((g) => g.ids.length > 0);
}
/** The group's primary id before CVE promotion: a GHSA when there is one (what Trivy reports), else its first id. */
function primaryId(ids) {
    const sorted = [...ids].sort();
    return sorted.find((id) => /^GHSA-/i.test(id)) ?? ids[0];
}
function str(v) {
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
/**
 * A record's rating: GitHub's word (`database_specific.severity`), else its CVSS vectors, else a distro's
 * word (`{"type": "Ubuntu", "score": "medium"}`).
 */
function recordSeverity(r) {
    const word = severityFromWord(str(r.database_specific.severity));
    if (word)
        return word;
    const scored = maxSeverity(r.severity.map((s) => cvssSeverity(s.score)));
    if (r.severity.some((s) => cvssBaseScore(s.score) !== undefined))
        return scored;
    return r.severity.map((s) => severityFromWord(s.score)).find((s) => s !== undefined);
}
/**
 * The group's rating: the most severe of its records, else osv-scanner's max_severity score. A malicious
 * package (a MAL- record) without a rating is critical: installing it is the compromise.
 */
function groupSeverity(g) {
    const rated = g.records.map(recordSeverity).filter((s) => s !== undefined);
    if (rated.length)
        return maxSeverity(rated);
    const score = Number(g.maxScore);
    if (g.maxScore && Number.isFinite(score))
        return severityFromScore(score);
    return [...g.ids, ...g.aliases].some((id) => /^MAL-/i.test(id)) ? 'critical' : 'info';
}
/** Versions that fix the package, from the records' ranges for this package. */
function fixedVersions(g, name) {
    const fixed = new Set();
    for (const r of g.records) {
        for (const a of r.affected) {
            if (a.package?.name && a.package.name.toLowerCase() !== name.toLowerCase())
                continue;
            for (const range of a.ranges)
                for (const e of range.events) {
                    const f = str(e.fixed);
                    if (f)
                        fixed.add(f);
                }
        }
    }
    return [...fixed];
}
function cweIds(g) {
    const out = new Set();
    for (const r of g.records) {
        const ids = r.database_specific.cwe_ids;
        if (Array.isArray(ids))
            for (const id of ids)
                if (typeof id === 'string')
                    out.add(id);
        for (const a of r.affected) {
            const cwes = a.database_specific.cwes;
            if (Array.isArray(cwes))
                for (const c of cwes) {
                    const id = c && typeof c === 'object' && 'cweId' in c ? str(c.cweId) : undefined;
                    if (id)
                        out.add(id);
                }
        }
    }
    return [...out];
}
/** One group as a sighting of a `vuln` finding: one finding per vulnerability, not per record. */
export function groupSighting(ctx, entry, g) {
    const primary = primaryId(g.ids);
    const main = g.records.find((r) => r.id === primary) ?? g.records[0];
    const advisory = canonicalAdvisory(primary, [...g.ids, ...g.aliases, ...g.records.flatMap((r) => r.aliases)]);
    const occurrence = {
        path: ctx.path || null,
        installedVersion: entry.package.version || entry.package.commit || null,
        fixedVersions: fixedVersions(g, entry.package.name),
        source: ctx.source,
        dependencyGroups: entry.dependency_groups,
    };
    return packageVulnSighting({
        assetUid: ctx.assetUid,
        ecosystem: ctx.ecosystem,
        packageName: ctx.name,
        packagePurl: ctx.purl,
        advisory,
        originalId: primary,
        title: main?.summary ?? null,
        description: main?.details ?? null,
        severity: groupSeverity(g),
        properties: {
            osvIds: g.ids,
            cweIds: cweIds(g),
            cvss: g.records.flatMap((r) => r.severity.map((s) => ({ source: r.id, type: s.type ?? null, vector: s.score ?? null, baseScore: cvssBaseScore(s.score) ?? null }))),
            references: [...new Set(g.records.flatMap((r) => r.references.map((x) => x.url).filter((u) => !!u)))],
            published: main?.published ?? null,
            modified: main?.modified ?? null,
        },
        occurrence,
    });
}
//# sourceMappingURL=groups.js.map