import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../../sources/json.js';
import { ZipReader } from '../zip/reader.js';
import { advisoryFromOsv } from './advisory.js';
const isJson = (name) => name.toLowerCase().endsWith('.json');
async function readDocument(path, where, limits) {
    const { size } = await stat(path);
    if (size > limits.maxDocumentBytes)
        throw badInput(where, `file is ${size} bytes, above the limit of ${limits.maxDocumentBytes} for one JSON document`);
    return parseUntrustedJson(await readFile(path, 'utf8'), where);
}
async function* walk(dir) {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        if (e.name.startsWith('.'))
            continue;
        const path = join(dir, e.name);
        if (e.isDirectory())
            yield* walk(path);
        else if (e.isFile() && isJson(e.name))
            yield path;
    }
}
async function* fromDirectory(dir, limits) {
    let n = 0;
    for await (const path of walk(dir)) {
        if (++n > limits.maxRecords)
            throw badInput(dir, `more than ${limits.maxRecords} files`);
        yield advisoryFromOsv(await readDocument(path, path, limits), path);
    }
}
async function* fromZip(path, where, limits) {
    const zip = await ZipReader.open(path, where);
    try {
        if (zip.entryCount > limits.maxRecords)
            throw badInput(where, `zip has ${zip.entryCount} entries, above the limit of ${limits.maxRecords}`);
        let expanded = 0;
        for await (const entry of zip.entries()) {
            if (entry.name.endsWith('/') || !isJson(entry.name))
                continue;
            const data = await zip.read(entry, limits.maxDocumentBytes);
            expanded += data.length;
            if (expanded > limits.maxExpandedBytes)
                throw badInput(where, `zip expands beyond the limit of ${limits.maxExpandedBytes} bytes`);
            const at = `${where}!${entry.name}`;
            yield advisoryFromOsv(parseUntrustedJson(data.toString('utf8'), at), at);
        }
    }
    finally {
        await zip.close();
    }
}
export async function* readOsv(input, limits) {
    switch (input.shape) {
        case 'record':
            yield advisoryFromOsv(input.doc ?? await readDocument(input.path, input.where, limits), input.where);
            return;
        case 'directory':
            yield* fromDirectory(input.path, limits);
            return;
        case 'zip':
            yield* fromZip(input.path, input.where, limits);
    }
}
//# sourceMappingURL=read.js.map