import { z } from 'zod';
import { badInput } from '../../model/errors.js';
/**
 * The CISA Known Exploited Vulnerabilities catalog (JSON feed, schema in the kev-data repository). Only
 * the fields the `kev` table keeps are required; the catalog is small (~1,500 entries, ~1.5 MB), so it is
 * read whole.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const Entry = z.object({
    cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'expected a CVE id'),
    vendorProject: z.string().optional(),
    product: z.string().optional(),
    vulnerabilityName: z.string().optional(),
    dateAdded: z.string().regex(DATE, 'expected YYYY-MM-DD'),
    dueDate: z.string().regex(DATE, 'expected YYYY-MM-DD').optional(),
    knownRansomwareCampaignUse: z.string().optional(),
    notes: z.string().optional(),
});
const Catalog = z.object({
    catalogVersion: z.string().optional(),
    dateReleased: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a timestamp').optional(),
    count: z.number().int().nonnegative().optional(),
    vulnerabilities: z.array(Entry),
});
/** Is this parsed JSON the KEV catalog? (A `vulnerabilities` array of entries with `cveID`.) */
export function looksLikeKev(doc) {
    if (typeof doc !== 'object' || doc === null || !('vulnerabilities' in doc))
        return false;
    const list = doc.vulnerabilities;
    return Array.isArray(list) && (list.length === 0 || (typeof list[0] === 'object' && list[0] !== null && 'cveID' in list[0]));
}
/**
 * Validates the catalog. It counts as complete (and so may retire entries it no longer lists) when it
 * has a release date and its `count` matches the entries it holds — a hand-cut excerpt does not.
 */
export function parseKevCatalog(doc, where) {
    const parsed = Catalog.safeParse(doc);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        throw badInput(where, `KEV catalog${path ? ` field ${path}` : ''}: ${issue?.message ?? 'invalid'}`);
    }
    const c = parsed.data;
    const complete = c.dateReleased !== undefined && c.count === c.vulnerabilities.length;
    return {
        version: c.catalogVersion ?? null,
        completeAsOf: complete ? new Date(c.dateReleased).toISOString().slice(0, 10) : null,
        rows: c.vulnerabilities.map((v) => ({
            cveId: v.cveID,
            vendor: v.vendorProject ?? null,
            product: v.product ?? null,
            name: v.vulnerabilityName ?? null,
            dateAdded: v.dateAdded,
            dueDate: v.dueDate ?? null,
            knownRansomware: v.knownRansomwareCampaignUse?.trim().toLowerCase() === 'known',
            notes: v.notes ? v.notes : null,
        })),
    };
}
//# sourceMappingURL=catalog.js.map