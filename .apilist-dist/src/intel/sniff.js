import { stat, readFile } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { MothershipError, badInput } from '../model/errors.js';
import { parseUntrustedJson } from '../sources/json.js';
import { looksLikeKev } from './kev/catalog.js';
import { looksLikeEpss } from './epss/feed.js';
import { fileHead, isGzip } from './text-lines.js';
export const INTEL_FORMATS = ['osv', 'kev', 'epss'];
const isZip = (head) => head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
/** The first bytes of a gzip file, decompressed (a few KB are enough to recognise a CSV header). */
async function gunzipHead(path, bytes = 4096) {
    const file = createReadStream(path);
    const gunzip = file.pipe(createGunzip());
    file.on('error', (e) => gunzip.destroy(e));
    let text = '';
    try {
        for await (const chunk of gunzip) {
            text += chunk.toString('utf8');
            if (text.length >= bytes)
                break;
        }
    }
    catch {
        // A damaged stream is reported by the real read, with its position; here it just is not recognised.
    }
    finally {
        gunzip.destroy();
        file.destroy();
    }
    return text;
}
async function readJson(path, where, size, limits) {
    if (size > limits.maxDocumentBytes)
        throw badInput(where, `JSON file is ${size} bytes, above the limit of ${limits.maxDocumentBytes} for one document`);
    return parseUntrustedJson(await readFile(path, 'utf8'), where);
}
/**
 * Recognises an intelligence input by its content, never by its name alone: a directory is OSV records;
 * a zip is an OSV export; JSON is the KEV catalog (a `vulnerabilities` list of `cveID`s) or one OSV record
 * (an `id`); CSV, plain or gzipped, starting with the EPSS comment or header is EPSS. `format` forces the
 * feed when sniffing cannot tell.
 */
export async function sniffIntel(path, where, limits, format) {
    const info = await stat(path).catch(() => null);
    if (!info)
        throw new MothershipError('NOT_FOUND', `${where}: no such file or directory`);
    const wrong = (what) => {
        throw new MothershipError('UNSUPPORTED', `${where}: ${what} cannot be ${format} input`);
    };
    if (info.isDirectory())
        return format && format !== 'osv' ? wrong('a directory') : { format: 'osv', shape: 'directory', path, where };
    if (!info.isFile())
        throw new MothershipError('UNSUPPORTED', `${where}: not a file or directory`);
    const head = await fileHead(path);
    if (isZip(head))
        return format && format !== 'osv' ? wrong('a zip archive') : { format: 'osv', shape: 'zip', path, where };
    const text = isGzip(head) ? await gunzipHead(path) : head.toString('utf8');
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (format === 'epss' || (!format && looksLikeEpss(start)))
        return { format: 'epss', path, where };
    if (isGzip(head))
        throw new MothershipError('UNSUPPORTED', `${where}: gzip content is not an EPSS CSV (OSV and KEV are read as .json or .zip)`);
    if (!start.startsWith('{')) {
        throw new MothershipError('UNSUPPORTED', `${where}: not an intelligence feed Mothership reads (OSV record, directory or zip; CISA KEV JSON; FIRST EPSS CSV)`);
    }
    const doc = await readJson(path, where, info.size, limits);
    if (format === 'kev' || (!format && looksLikeKev(doc)))
        return { format: 'kev', path, where, doc };
    if (format === 'osv' || (typeof doc === 'object' && doc !== null && 'id' in doc))
        return { format: 'osv', shape: 'record', path, where, doc };
    throw new MothershipError('UNSUPPORTED', `${where}: JSON is neither an OSV record (no "id") nor the CISA KEV catalog (no "vulnerabilities" of "cveID"s)`);
}
//# sourceMappingURL=sniff.js.map