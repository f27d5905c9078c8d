import { open, readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { basename } from 'node:path';
const HEAD_BYTES = 64 * 1024;
/** A report on disk: the head is read once for sniffing; text() and stream() read the rest on demand. */
export async function openReportFile(path) {
    const info = await stat(path);
    const handle = await open(path, 'r');
    let head;
    try {
        const buf = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        head = buf.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
    return {
        name: basename(path),
        path,
        size: info.size,
        head,
        text: () => readFile(path, 'utf8'),
        // 1 MB reads: a large report is read in a few hundred chunks, not thousands (each costs a turn of the loop).
        stream: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    };
}
/** A report held in memory (uploads, tests). */
export function memoryReportFile(name, content) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return {
        name,
        head: bytes.subarray(0, HEAD_BYTES),
        text: () => Promise.resolve(bytes.toString('utf8')),
        // A one-chunk stream: the whole report is already in memory.
        stream: () => Readable.from([bytes]),
    };
}
/** The first non-whitespace characters of a head, for cheap format sniffing. */
export function headText(head, max = 4096) {
    return Buffer.from(head.subarray(0, max)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
}
//# sourceMappingURL=report-file.js.map