import { z } from 'zod';
/**
 * The parts of osv-scanner's JSON output (`osv-scanner --format json`, v1 and v2) that we read: per
 * source (a lockfile, a git checkout) the packages with the OSV records that affect them and the groups of
 * record ids that are one vulnerability. Records follow the OSV schema; only the fields read are checked.
 */
const optStr = z.string().nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
/** Free-form `database_specific` / `ecosystem_specific` objects: kept as objects, read field by field. */
const Loose = z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? {});
export const OsvAffected = z.object({
    package: z.object({ ecosystem: optStr, name: optStr, purl: optStr }).nullish(),
    ranges: list(z.object({ type: optStr, events: list(z.record(z.string(), z.unknown())) })),
    database_specific: Loose,
});
export const OsvRecord = z.object({
    id: z.string().min(1),
    aliases: list(z.string()),
    summary: optStr,
    details: optStr,
    published: optStr,
    modified: optStr,
    severity: list(z.object({ type: optStr, score: optStr })),
    affected: list(OsvAffected),
    references: list(z.object({ type: optStr, url: optStr })),
    database_specific: Loose,
});
export const OsvGroup = z.object({
    ids: list(z.string()),
    aliases: list(z.string()),
    /** v1.7+: the highest CVSS base score among the group's records, as a string (`"9.8"`). */
    max_severity: optStr,
});
export const OsvPackageEntry = z.object({
    package: z.object({
        name: optStr.transform((v) => v ?? ''),
        version: optStr.transform((v) => v ?? ''),
        ecosystem: optStr.transform((v) => v ?? ''),
        commit: optStr,
    }),
    dependency_groups: list(z.string()),
    vulnerabilities: list(OsvRecord),
    groups: list(OsvGroup),
});
export const OsvSource = z.object({ path: z.string(), type: optStr });
/** One scanned source without its packages: those are validated one by one as they are read. */
export const OsvResult = z.object({
    source: OsvSource,
    packages: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});
/** `results` is required: a document without it is no osv-scanner report, and must not resolve anything. */
export const OsvReport = z.object({
    results: z.array(z.unknown()),
});
//# sourceMappingURL=schema.js.map