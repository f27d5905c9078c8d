import { MothershipError } from '../../model/errors.js';
/**
 * The user's word on what a report is about (`ingest --asset <uid>`, ParseOptions.subject) beats the
 * report's: a Checkov or npm audit report names no repository, a SARIF log may name a fork or a mirror.
 * Parsers apply it to their subject asset BEFORE computing anything from its uid (scopes, fingerprints,
 * packages, edges), so reports of different tools given the same subject land on one asset and merge.
 */
/** The subject asset under the uid the user gave; as the report names it when none was given. */
export function withSubject(asset, subject) {
    if (subject === undefined)
        return asset;
    const { namedFrom, ...properties } = asset.properties ?? {};
    // A name guessed from the report file is no name at all: the subject is then a repository by the new uid.
    const guessed = namedFrom === 'report-file';
    const kind = guessed ? 'code.repository' : asset.kind;
    // A repository's name is its uid without the prefix; other assets keep the name their report gives them.
    const name = kind === 'code.repository' ? (subject.startsWith('repo:') ? subject.slice('repo:'.length) : subject) : asset.name ?? subject;
    return {
        ...asset,
        uid: subject,
        kind,
        name,
        properties: { ...properties, namedFrom: 'asset-option', ...(guessed || asset.uid === subject ? {} : { reportedUid: asset.uid }) },
    };
}
/**
 * Formats whose items are each on their own asset (cloud findings on the ARN they name) have no one
 * subject to override: a subject is refused rather than silently ignored or piled onto one asset.
 */
export function refuseSubject(options, where, type, why) {
    if (options?.subject === undefined)
        return;
    throw new MothershipError('UNSUPPORTED', `${where}: --asset does not apply to ${type} reports: ${why}`);
}
//# sourceMappingURL=subject.js.map