import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MothershipError } from '../model/errors.js';
import { openReportFile } from '../sources/report-file.js';
import { PARSERS } from '../sources/registry.js';
import { syncRun } from './sync/run.js';
export function parserFor(file, type, where = file.name) {
    if (type) {
        const p = PARSERS.find((x) => x.type === type);
        if (!p)
            throw new MothershipError('UNSUPPORTED', `${where}: unknown report type ${type}; known: ${PARSERS.map((x) => x.type).join(', ')}`);
        return p;
    }
    const matches = PARSERS.filter((p) => p.accepts(file));
    if (matches.length === 0)
        throw new MothershipError('UNSUPPORTED', `${where}: not a report format Mothership reads (pass --type to force one; known: ${PARSERS.map((x) => x.type).join(', ') || 'none'})`);
    if (matches.length > 1)
        throw new MothershipError('UNSUPPORTED', `${where}: ambiguous format, could be ${matches.map((p) => p.type).join(' or ')}; pass --type`);
    return matches[0];
}
/**
 * An explicit owner applies to the assets the report defines, unless the report names its own; findings
 * follow their asset's owner, so later attribution (e.g. to a base image's owner) stays possible.
 */
async function* withOwner(records, owner) {
    for await (const r of records) {
        if (owner && r.type === 'asset' && !r.asset.reference && !r.asset.owner) {
            yield { ...r, asset: { ...r.asset, owner, ownerReason: 'explicit (--owner)' } };
        }
        else
            yield r;
    }
}
/** Longest asset uid accepted from the command line; real uids (ARNs, digest references) are far shorter. */
const MAX_ASSET_UID = 2048;
/**
 * The `--asset` uid, checked before it keys anything: it becomes a uid, part of scopes and fingerprints,
 * so it must be a plain line of text (the store rejects NUL bytes; control characters only hide things).
 */
export function assetUidOption(uid, where) {
    if (uid === undefined)
        return undefined;
    const trimmed = uid.trim();
    if (!trimmed)
        throw new MothershipError('BAD_INPUT', `${where}: --asset: an asset uid is needed, got an empty one`);
    if (trimmed.length > MAX_ASSET_UID)
        throw new MothershipError('BAD_INPUT', `${where}: --asset: uid longer than ${MAX_ASSET_UID} characters`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(trimmed))
        throw new MothershipError('BAD_INPUT', `${where}: --asset: uid contains control characters`);
    return trimmed;
}
/** `\u0000` for a NUL: messages are one printable line, whatever bytes of the input they quote. */
export function printable(message) {
    // eslint-disable-next-line no-control-regex
    return message.replace(/\r?\n|[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c.endsWith('\n') ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
/**
 * Parser errors quote the input (a bad field value, a version string) and hostile input holds NUL bytes,
 * which the store cannot keep in the failed run's record: the message is made printable first.
 */
async function* withPrintableErrors(records) {
    try {
        yield* records;
    }
    catch (e) {
        if (!(e instanceof Error) || printable(e.message) === e.message)
            throw e;
        if (e instanceof MothershipError)
            throw new MothershipError(e.code, printable(e.message), { cause: e });
        throw new Error(printable(e.message), { cause: e });
    }
}
/** Ingests one report file as one run of its parser: transactional and idempotent. */
export async function ingestFile(db, path, options = {}) {
    const subject = assetUidOption(options.asset, path);
    const file = await openReportFile(path);
    const parser = parserFor(file, options.type, path);
    const records = withPrintableErrors(parser.parse(file, subject === undefined ? {} : { subject }));
    const result = await syncRun(db, withOwner(records, options.owner), {
        source: parser.id,
        where: path,
        input: { file: path, type: parser.type, size: file.size, owner: options.owner ?? null, asset: subject ?? null },
        onProgress: options.onProgress,
    });
    return { ...result, file: path, type: parser.type };
}
/** Files under the given paths, directories walked depth-first in name order. */
export async function* walkFiles(paths) {
    for (const p of paths) {
        const info = await stat(p).catch(() => null);
        if (!info)
            throw new MothershipError('NOT_FOUND', `${p}: no such file or directory`);
        if (info.isDirectory()) {
            const entries = (await readdir(p)).sort();
            yield* walkFiles(entries.filter((e) => !e.startsWith('.')).map((e) => join(p, e)));
        }
        else if (info.isFile())
            yield p;
    }
}
//# sourceMappingURL=ingest.js.map