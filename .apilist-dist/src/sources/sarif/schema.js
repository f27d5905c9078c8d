import { z } from 'zod';
/**
 * The parts of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that we read, validated at the
 * edge. Producers vary a lot, so optional fields accept null, enums are read as plain strings (an unknown
 * `level` falls back to the default instead of failing the file), and unknown fields are dropped. A value
 * of the wrong type is an error naming the field. Results are validated one by one, so the error names it.
 */
const optStr = z.string().nullish();
const optInt = z.number().int().nullish();
const props = z.record(z.string(), z.unknown()).nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
/** §3.12: a message string in plain text and/or Markdown. */
export const MultiformatMessage = z.object({ text: optStr, markdown: optStr });
/** §3.11: text, or an id into the rule's (or component's) message strings, with `{0}` arguments. */
export const Message = z.object({
    text: optStr,
    markdown: optStr,
    id: optStr,
    arguments: list(z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v))),
});
/** §3.49: a rule. */
export const ReportingDescriptor = z.object({
    id: z.string(),
    name: optStr,
    shortDescription: MultiformatMessage.nullish(),
    fullDescription: MultiformatMessage.nullish(),
    help: MultiformatMessage.nullish(),
    helpUri: optStr,
    messageStrings: z.record(z.string(), MultiformatMessage).nullish(),
    defaultConfiguration: z.object({ level: optStr, enabled: z.boolean().nullish() }).nullish(),
    properties: props,
    relationships: list(z.object({ target: z.object({ id: optStr }).nullish(), kinds: list(z.string()) })),
});
/** §3.19: the driver or an extension (CodeQL keeps its rules in extensions). */
export const ToolComponent = z.object({
    name: z.string().nullish().transform((v) => v ?? ''),
    fullName: optStr,
    version: optStr,
    semanticVersion: optStr,
    informationUri: optStr,
    rules: list(ReportingDescriptor),
    globalMessageStrings: z.record(z.string(), MultiformatMessage).nullish(),
});
/** §3.4. */
export const ArtifactLocation = z.object({ uri: optStr, uriBaseId: optStr, index: optInt });
/** §3.30. `snippet` is read only to be hashed into an identity; it may quote credentials. */
export const Region = z.object({
    startLine: optInt,
    startColumn: optInt,
    endLine: optInt,
    endColumn: optInt,
    snippet: z.object({ text: optStr }).nullish(),
});
/** §3.28. */
export const Location = z.object({
    physicalLocation: z.object({ artifactLocation: ArtifactLocation.nullish(), region: Region.nullish() }).nullish(),
    logicalLocations: list(z.object({ name: optStr, fullyQualifiedName: optStr, kind: optStr })),
});
/**
 * §3.27.16–17: string values. Some producers nest them (`{"csvRowSha256": {"value": "..."}}`, Black Duck):
 * the inner `value` is taken; anything else non-string is dropped rather than failing the file.
 */
const fingerprintMap = z.record(z.string(), z.unknown()).nullish().transform((m) => {
    const out = {};
    for (const [k, v] of Object.entries(m ?? {})) {
        if (typeof v === 'string' || typeof v === 'number')
            out[k] = String(v);
        else if (v && typeof v === 'object' && typeof v.value === 'string')
            out[k] = v.value;
    }
    return out;
});
/** §3.27. */
export const SarifResult = z.object({
    ruleId: optStr,
    ruleIndex: optInt,
    rule: z.object({
        id: optStr,
        index: optInt,
        toolComponent: z.object({ name: optStr, index: optInt }).nullish(),
    }).nullish(),
    kind: optStr,
    level: optStr,
    message: Message.nullish().transform((m) => m ?? Message.parse({})),
    locations: list(Location),
    guid: optStr,
    fingerprints: fingerprintMap,
    partialFingerprints: fingerprintMap,
    // `state` is the name of `status` in pre-release drafts of 2.1.0 (still seen in the spec's own samples).
    suppressions: z.array(z.object({ kind: optStr, status: optStr, state: optStr, justification: optStr })).nullish(),
    baselineState: optStr,
    fixes: list(z.object({ description: Message.nullish() })),
    properties: props,
});
const Notification = z.object({ level: optStr, message: Message.nullish() });
/** §3.14, without its results (validated one by one as they are read). */
export const SarifRun = z.object({
    tool: z.object({ driver: ToolComponent, extensions: list(ToolComponent) }),
    results: z.array(z.unknown()).nullish().transform((v) => v ?? []),
    invocations: list(z.object({
        executionSuccessful: z.boolean().nullish(),
        workingDirectory: ArtifactLocation.nullish(),
        toolExecutionNotifications: list(Notification),
        endTimeUtc: optStr,
    })),
    originalUriBaseIds: z.record(z.string(), ArtifactLocation).nullish(),
    versionControlProvenance: list(z.object({
        repositoryUri: optStr,
        revisionId: optStr,
        branch: optStr,
        mappedTo: ArtifactLocation.nullish(),
    })),
    automationDetails: z.object({ id: optStr, guid: optStr }).nullish(),
    artifacts: list(z.object({ location: ArtifactLocation.nullish() })),
    properties: props,
});
/** §3.13: the log. `version` is absent in some producers' output (ShiftLeft scan); 2.1.0 is assumed. */
export const SarifLog = z.object({
    version: optStr,
    runs: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});
//# sourceMappingURL=schema.js.map