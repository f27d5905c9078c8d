import { open } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
const MAX32 = 0xffffffff;
function zip64Extra(values) {
    const extra = Buffer.alloc(4 + 8 * values.length);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * values.length, 2);
    values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
    return extra;
}
export async function writeZip(path, sources, options = {}) {
    const file = await open(path, 'w');
    const written = [];
    let offset = 0;
    // Writes are gathered into ~1 MB chunks: one system call per small entry would dominate the time.
    let pending = [];
    let pendingBytes = 0;
    const flush = async () => {
        if (pendingBytes > 0)
            await file.write(Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
    };
    const put = async (buf) => {
        pending.push(buf);
        pendingBytes += buf.length;
        offset += buf.length;
        if (pendingBytes >= 1 << 20)
            await flush();
    };
    try {
        for await (const source of sources) {
            const data = typeof source.data === 'string' ? Buffer.from(source.data) : Buffer.from(source.data);
            const body = options.store ? data : deflateRawSync(data);
            const w = { name: Buffer.from(source.name), crc: crc32(data), method: options.store ? 0 : 8, compressed: body.length, size: data.length, offset };
            const big = options.zip64 || offset > MAX32 || body.length > MAX32;
            const extra = big ? zip64Extra([w.size, w.compressed]) : Buffer.alloc(0);
            const header = Buffer.alloc(30);
            header.writeUInt32LE(0x04034b50, 0);
            header.writeUInt16LE(big ? 45 : 20, 4);
            header.writeUInt16LE(0x800, 6);
            header.writeUInt16LE(w.method, 8);
            header.writeUInt32LE(w.crc, 14);
            header.writeUInt32LE(big ? MAX32 : w.compressed, 18);
            header.writeUInt32LE(big ? MAX32 : w.size, 22);
            header.writeUInt16LE(w.name.length, 26);
            header.writeUInt16LE(extra.length, 28);
            await put(Buffer.concat([header, w.name, extra, body]));
            written.push(w);
        }
        const dirOffset = offset;
        for (const w of written) {
            const big = options.zip64 || w.offset > MAX32 || w.compressed > MAX32;
            const extra = big ? zip64Extra([w.size, w.compressed, w.offset]) : Buffer.alloc(0);
            const entry = Buffer.alloc(46);
            entry.writeUInt32LE(0x02014b50, 0);
            entry.writeUInt16LE(45, 4);
            entry.writeUInt16LE(big ? 45 : 20, 6);
            entry.writeUInt16LE(0x800, 8);
            entry.writeUInt16LE(w.method, 10);
            entry.writeUInt32LE(w.crc, 16);
            entry.writeUInt32LE(big ? MAX32 : w.compressed, 20);
            entry.writeUInt32LE(big ? MAX32 : w.size, 24);
            entry.writeUInt16LE(w.name.length, 28);
            entry.writeUInt16LE(extra.length, 30);
            entry.writeUInt32LE(big ? MAX32 : w.offset, 42);
            await put(Buffer.concat([entry, w.name, extra]));
        }
        const dirSize = offset - dirOffset;
        const needs64 = options.zip64 || written.length > 0xffff || dirOffset > MAX32;
        if (needs64) {
            const record = Buffer.alloc(56);
            record.writeUInt32LE(0x06064b50, 0);
            record.writeBigUInt64LE(44n, 4);
            record.writeUInt16LE(45, 12);
            record.writeUInt16LE(45, 14);
            record.writeBigUInt64LE(BigInt(written.length), 24);
            record.writeBigUInt64LE(BigInt(written.length), 32);
            record.writeBigUInt64LE(BigInt(dirSize), 40);
            record.writeBigUInt64LE(BigInt(dirOffset), 48);
            const locator = Buffer.alloc(20);
            locator.writeUInt32LE(0x07064b50, 0);
            locator.writeBigUInt64LE(BigInt(offset), 8);
            locator.writeUInt32LE(1, 16);
            await put(Buffer.concat([record, locator]));
        }
        const end = Buffer.alloc(22);
        end.writeUInt32LE(0x06054b50, 0);
        end.writeUInt16LE(needs64 ? 0xffff : written.length, 8);
        end.writeUInt16LE(needs64 ? 0xffff : written.length, 10);
        end.writeUInt32LE(needs64 ? MAX32 : dirSize, 12);
        end.writeUInt32LE(needs64 ? MAX32 : dirOffset, 16);
        await put(end);
        await flush();
        return written.length;
    }
    finally {
        await file.close();
    }
}
//# sourceMappingURL=writer.js.map