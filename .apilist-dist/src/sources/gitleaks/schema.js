import { z } from 'zod';
/**
 * Gitleaks' JSON report: an array of leaks (or `null` when there are none, as v7 writes it). Two shapes:
 * v8 (`RuleID`, `File`, `StartLine`, `Secret`, `Match`, `Commit`...) and v7 (`rule`, `file`, `lineNumber`,
 * `offender`, `line`, `commit`...). `Secret`, `Match`, `offender` and `line` are read only to be hashed.
 */
const optStr = z.string().nullish();
const optInt = z.number().int().nullish();
export const LeakV8 = z.object({
    RuleID: z.string().min(1),
    Description: optStr,
    File: z.string(),
    SymlinkFile: optStr,
    StartLine: optInt,
    EndLine: optInt,
    StartColumn: optInt,
    EndColumn: optInt,
    Secret: optStr,
    Match: optStr,
    Commit: optStr,
    Link: optStr,
    Author: optStr,
    Date: optStr,
    Tags: z.array(z.string()).nullish(),
    Entropy: z.number().nullish(),
    Fingerprint: optStr,
});
export const LeakV7 = z.object({
    rule: z.string().min(1),
    file: z.string(),
    lineNumber: optInt,
    offender: optStr,
    line: optStr,
    commit: optStr,
    repo: optStr,
    repoURL: optStr,
    leakURL: optStr,
    author: optStr,
    date: optStr,
    tags: z.union([z.string(), z.array(z.string())]).nullish(),
});
const blank = (s) => (s && s.trim() !== '' ? s : null);
export function fromV8(l) {
    return {
        ruleId: l.RuleID,
        description: blank(l.Description),
        file: l.File,
        startLine: l.StartLine ?? null,
        endLine: l.EndLine ?? l.StartLine ?? null,
        secret: blank(l.Secret) ?? blank(l.Match),
        commit: blank(l.Commit),
        author: blank(l.Author),
        date: blank(l.Date),
        tags: l.Tags ?? [],
        link: blank(l.Link),
        // `https://github.com/org/repo/blob/<commit>/<file>#L2` → the repository part.
        repositoryUri: blank(l.Link)?.split(/\/(?:blob|-\/blob|src)\//)[0] ?? null,
        gitleaksFingerprint: blank(l.Fingerprint),
    };
}
export function fromV7(l) {
    const tags = typeof l.tags === 'string' ? l.tags.split(',').map((t) => t.trim()).filter(Boolean) : l.tags ?? [];
    return {
        ruleId: l.rule,
        description: null,
        file: l.file,
        startLine: l.lineNumber ?? null,
        endLine: l.lineNumber ?? null,
        secret: blank(l.offender) ?? blank(l.line),
        commit: blank(l.commit),
        author: blank(l.author),
        date: blank(l.date) === '0001-01-01T00:00:00Z' ? null : blank(l.date),
        tags,
        link: blank(l.leakURL),
        repositoryUri: blank(l.repoURL),
        gitleaksFingerprint: null,
    };
}
//# sourceMappingURL=schema.js.map