import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { badInput } from '../model/errors.js';
const GZIP_MAGIC = [0x1f, 0x8b];
/** The first bytes of a file. */
export async function fileHead(path, bytes = 64 * 1024) {
    const handle = await open(path, 'r');
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
export function isGzip(head) {
    return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}
/**
 * The lines of a text file, gunzipped on the fly when it is gzip, streamed: memory holds one chunk and
 * one line at most. A line longer than maxLineBytes, or more than maxExpandedBytes of text in all, ends
 * the read with an error naming the file and the line.
 */
export async function* textLines(path, where, limits) {
    const gzip = isGzip(await fileHead(path, 2));
    const file = createReadStream(path);
    const stream = gzip ? file.pipe(createGunzip()) : file;
    if (gzip)
        file.on('error', (e) => stream.destroy(e));
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let bytes = 0;
    let line = 0;
    try {
        for await (const chunk of stream) {
            bytes += chunk.length;
            if (bytes > limits.maxExpandedBytes)
                throw badInput(where, `text expands beyond the limit of ${limits.maxExpandedBytes} bytes`);
            pending += decoder.write(chunk);
            let start = 0;
            for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n', start)) {
                line++;
                yield pending.slice(start, i).replace(/\r$/, '');
                start = i + 1;
            }
            pending = pending.slice(start);
            if (pending.length > limits.maxLineBytes)
                throw badInput(where, `line ${line + 1} is longer than ${limits.maxLineBytes} bytes`);
        }
        pending += decoder.end();
        if (pending.length > 0)
            yield pending.replace(/\r$/, '');
    }
    catch (e) {
        if (e.code?.startsWith('Z_'))
            throw badInput(where, `gzip: ${e.message}`, e);
        throw e;
    }
    finally {
        stream.destroy();
        file.destroy();
    }
}
//# sourceMappingURL=text-lines.js.map