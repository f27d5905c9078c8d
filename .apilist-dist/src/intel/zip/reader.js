import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32, inflateRaw, inflateRawSync } from 'node:zlib';
import { badInput } from '../../model/errors.js';
/**
 * A minimal ZIP reader for advisory exports (OSV's all.zip): entries are listed from the central directory,
 * which is read in chunks, and each entry is inflated on its own with a hard output cap, so a zip of any
 * size is read in memory bounded by the largest entry allowed. Handles stored and deflated entries and
 * ZIP64 (exports have more than 65,535 entries); rejects encryption, other methods and any size, offset or
 * checksum that does not add up. Nothing is written to disk, so entry names are never used as paths.
 */
const inflate = promisify(inflateRaw);
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const CHUNK = 1 << 20;
/** Entries are read through a window this large: exports lay small entries out back to back. */
const WINDOW = 4 << 20;
/** Entries up to this size inflate synchronously: for a few KB a thread-pool round trip costs more than the work. */
const SYNC_INFLATE = 1 << 20;
function u64(buf, at, where) {
    const v = buf.readBigUInt64LE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
        throw badInput(where, 'zip: 64-bit size or offset out of range');
    return Number(v);
}
export class ZipReader {
    handle;
    size;
    directory;
    where;
    window = { start: 0, buf: Buffer.alloc(0) };
    constructor(handle, size, directory, where) {
        this.handle = handle;
        this.size = size;
        this.directory = directory;
        this.where = where;
    }
    static async open(path, where = path) {
        const handle = await open(path, 'r');
        try {
            const { size } = await handle.stat();
            return new ZipReader(handle, size, await readDirectoryEnd(handle, size, where), where);
        }
        catch (e) {
            await handle.close();
            throw e;
        }
    }
    get entryCount() {
        return this.directory.entries;
    }
    async close() {
        await this.handle.close();
    }
    async readAt(position, length) {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await this.handle.read(buf, 0, length, position);
        if (bytesRead !== length)
            throw badInput(this.where, `zip: truncated at offset ${position}`);
        return buf;
    }
    /** Bytes of the entry data area, served from the read-ahead window when it holds them. */
    async windowed(position, length) {
        const { start, buf } = this.window;
        if (position >= start && position + length <= start + buf.length)
            return buf.subarray(position - start, position - start + length);
        const size = Math.min(Math.max(length, WINDOW), this.directory.offset - position);
        if (size < length)
            throw badInput(this.where, `zip: entry data at offset ${position} runs into the central directory`);
        this.window = { start: position, buf: await this.readAt(position, size) };
        return this.window.buf.subarray(0, length);
    }
    /** The central directory's entries in order, read a chunk at a time. */
    async *entries() {
        const { offset, size, entries } = this.directory;
        let buf = Buffer.alloc(0);
        let read = 0;
        for (let n = 0; n < entries; n++) {
            // An entry header is at most 46 + 3 × 65,535 bytes; top the buffer up until the next one fits.
            for (;;) {
                if (buf.length >= 46) {
                    const total = 46 + buf.readUInt16LE(28) + buf.readUInt16LE(30) + buf.readUInt16LE(32);
                    if (buf.length >= total)
                        break;
                }
                if (read >= size)
                    throw badInput(this.where, `zip: central directory ends after ${n} of ${entries} entries`);
                const length = Math.min(CHUNK, size - read);
                buf = Buffer.concat([buf, await this.readAt(offset + read, length)]);
                read += length;
            }
            const { entry, length } = this.parseCentral(buf, n);
            buf = buf.subarray(length);
            yield entry;
        }
    }
    parseCentral(buf, n) {
        if (buf.readUInt32LE(0) !== CENTRAL)
            throw badInput(this.where, `zip: central directory entry ${n} has a bad signature`);
        const nameLength = buf.readUInt16LE(28);
        const extraLength = buf.readUInt16LE(30);
        const flags = buf.readUInt16LE(8);
        // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII part (all OSV ids use) reads the same.
        const name = buf.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', 46, 46 + nameLength);
        const entry = {
            name, flags,
            method: buf.readUInt16LE(10),
            crc32: buf.readUInt32LE(16),
            compressedSize: buf.readUInt32LE(20),
            uncompressedSize: buf.readUInt32LE(24),
            localHeaderOffset: buf.readUInt32LE(42),
        };
        this.applyZip64(entry, buf.subarray(46 + nameLength, 46 + nameLength + extraLength));
        return { entry, length: 46 + nameLength + extraLength + buf.readUInt16LE(32) };
    }
    /** ZIP64 extra field: the 64-bit values of the fields saturated at 0xFFFFFFFF, in this fixed order. */
    applyZip64(entry, extra) {
        for (let at = 0; at + 4 <= extra.length;) {
            const id = extra.readUInt16LE(at);
            const length = extra.readUInt16LE(at + 2);
            if (id === 0x0001) {
                let p = at + 4;
                const next = () => {
                    if (p + 8 > at + 4 + length)
                        throw badInput(this.where, `zip: entry ${entry.name} has a short ZIP64 field`);
                    const v = u64(extra, p, this.where);
                    p += 8;
                    return v;
                };
                if (entry.uncompressedSize === 0xffffffff)
                    entry.uncompressedSize = next();
                if (entry.compressedSize === 0xffffffff)
                    entry.compressedSize = next();
                if (entry.localHeaderOffset === 0xffffffff)
                    entry.localHeaderOffset = next();
                return;
            }
            at += 4 + length;
        }
    }
    /**
     * The entry's content, inflated with a hard cap of maxBytes whatever its header claims: a zip bomb
     * stops at the cap with an error naming the entry.
     */
    async read(entry, maxBytes) {
        const at = `${this.where}!${entry.name}`;
        if ((entry.flags & 0x1) !== 0)
            throw badInput(at, 'zip entry is encrypted');
        if (entry.method !== 0 && entry.method !== 8)
            throw badInput(at, `zip compression method ${entry.method} is not supported (stored or deflate only)`);
        if (entry.uncompressedSize > maxBytes)
            throw badInput(at, `zip entry is ${entry.uncompressedSize} bytes, above the limit of ${maxBytes}`);
        // Deflate never needs much more room than the data it holds; more is padding meant to waste our time.
        if (entry.compressedSize > maxBytes + 65_536)
            throw badInput(at, `zip entry is ${entry.compressedSize} bytes compressed, above the limit of ${maxBytes}`);
        const local = await this.windowed(entry.localHeaderOffset, 30);
        if (local.readUInt32LE(0) !== LOCAL)
            throw badInput(at, 'zip: local header has a bad signature');
        const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        if (start + entry.compressedSize > this.directory.offset)
            throw badInput(at, 'zip: entry data runs into the central directory');
        const compressed = await this.windowed(start, entry.compressedSize);
        let data;
        // A copy: the window is reused, and a stored entry must not pin it.
        if (entry.method === 0)
            data = Buffer.from(compressed);
        else {
            try {
                data = entry.compressedSize <= SYNC_INFLATE && entry.uncompressedSize <= SYNC_INFLATE
                    ? inflateRawSync(compressed, { maxOutputLength: maxBytes })
                    : await inflate(compressed, { maxOutputLength: maxBytes });
            }
            catch (e) {
                const code = e.code;
                if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
                    throw badInput(at, `zip entry expands beyond the limit of ${maxBytes} bytes`, e);
                throw badInput(at, `zip entry does not inflate: ${e.message}`, e);
            }
        }
        if (data.length !== entry.uncompressedSize)
            throw badInput(at, `zip entry is ${data.length} bytes, its header says ${entry.uncompressedSize}`);
        if (crc32(data) !== entry.crc32)
            throw badInput(at, 'zip entry fails its CRC-32 check');
        return data;
    }
}
/** Finds the end-of-central-directory record (and its ZIP64 twin) scanning back over a possible comment. */
async function readDirectoryEnd(handle, size, where) {
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tailLength) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw badInput(where, 'zip: no end of central directory record (not a zip, or truncated)');
    let dir = { entries: tail.readUInt16LE(eocd + 10), size: tail.readUInt32LE(eocd + 12), offset: tail.readUInt32LE(eocd + 16) };
    if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0)
        throw badInput(where, 'zip: multi-disk archives are not supported');
    const locatorAt = size - tailLength + eocd - 20;
    if (locatorAt >= 0) {
        const locator = Buffer.alloc(20);
        await handle.read(locator, 0, 20, locatorAt);
        if (locator.readUInt32LE(0) === ZIP64_LOCATOR) {
            const recordAt = u64(locator, 8, where);
            const record = Buffer.alloc(56);
            const { bytesRead } = await handle.read(record, 0, 56, recordAt);
            if (bytesRead !== 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
                throw badInput(where, 'zip: ZIP64 end of central directory record is missing');
            dir = { entries: u64(record, 32, where), size: u64(record, 40, where), offset: u64(record, 48, where) };
        }
    }
    if (dir.offset + dir.size > size)
        throw badInput(where, 'zip: central directory lies outside the file');
    // Each central entry takes at least 46 bytes: a count the directory cannot hold is a lie.
    if (dir.entries * 46 > dir.size)
        throw badInput(where, `zip: ${dir.entries} entries cannot fit a ${dir.size}-byte central directory`);
    return dir;
}
//# sourceMappingURL=reader.js.map