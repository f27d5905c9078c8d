import { z } from 'zod';
/**
 * The part of the OSV schema (https://ossf.github.io/osv-schema/) an import relies on. Everything else a
 * record holds is left alone; `affected` and `references` are kept verbatim, so only their shape (arrays
 * of objects) is checked here. `modified` is required by the schema but missing from some real records
 * (malicious-package and test-data records), so it is optional and ordered as the oldest possible.
 * Optional fields may be null: Go's encoder writes `"aliases": null` for an empty list.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const timestamp = z.string().regex(TIMESTAMP, 'expected an RFC 3339 timestamp').refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date');
const severityEntry = z.object({ type: z.string(), score: z.string() });
const jsonObject = z.record(z.string(), z.unknown());
export const OsvRecord = z.object({
    id: z.string().min(1).max(256),
    modified: timestamp.nullish(),
    published: timestamp.nullish(),
    withdrawn: timestamp.nullish(),
    aliases: z.array(z.string().max(256)).max(10_000).nullish(),
    summary: z.string().nullish(),
    details: z.string().nullish(),
    severity: z.array(severityEntry).nullish(),
    affected: z.array(z.object({ severity: z.array(severityEntry).nullish() }).loose()).nullish(),
    references: z.array(jsonObject).nullish(),
    database_specific: jsonObject.nullish(),
});
//# sourceMappingURL=schema.js.map