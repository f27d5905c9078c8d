import { z } from 'zod';
/**
 * The parts of Semgrep's JSON output (`semgrep scan --json`, semgrep_output_v1 `cli_output`) that we read.
 * Optional fields accept null; unknown fields are dropped; a value of the wrong type is an error naming
 * the field. Results are validated one by one, so the error names the result.
 */
const optStr = z.string().nullish();
const position = z.object({ line: z.number().int(), col: z.number().int().nullish(), offset: z.number().int().nullish() });
export const SemgrepResult = z.object({
    check_id: z.string().min(1),
    path: z.string(),
    start: position,
    end: position.nullish(),
    extra: z.object({
        message: optStr,
        severity: optStr,
        metadata: z.record(z.string(), z.unknown()).nullish().transform((m) => m ?? {}),
        // `requires login` in place of both since Semgrep 1.100 when not logged in.
        fingerprint: optStr,
        // Read only to be hashed into an identity: the matched lines may hold credentials.
        lines: optStr,
        is_ignored: z.boolean().nullish(),
        fix: optStr,
        engine_kind: optStr,
        validation_state: optStr,
        sca_info: z.object({
            reachable: z.boolean().nullish(),
            dependency_match: z.object({
                dependency_pattern: z.object({ ecosystem: optStr, package: optStr, semver_range: optStr }).nullish(),
                found_dependency: z.object({
                    package: z.string(),
                    version: optStr,
                    ecosystem: optStr,
                    transitivity: z.unknown().optional(),
                    lockfile_path: optStr,
                }).nullish(),
                lockfile: optStr,
            }).nullish(),
        }).nullish(),
    }),
});
export const SemgrepError = z.object({
    code: z.number().nullish(),
    level: optStr,
    // A string, or in newer versions a tagged list (`["PartialParsing", [...]]`).
    type: z.unknown().optional(),
    message: optStr,
    path: optStr,
    rule_id: optStr,
});
/** The report without its results and errors (validated one by one). */
export const SemgrepOutput = z.object({
    version: optStr,
    results: z.array(z.unknown()),
    errors: z.array(z.unknown()).nullish().transform((v) => v ?? []),
    paths: z.object({ scanned: z.array(z.string()).nullish() }).nullish(),
});
//# sourceMappingURL=schema.js.map