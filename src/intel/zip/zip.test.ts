import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipReader } from './reader.js';
import { writeZip } from './writer.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, maxBytes = 1 << 20): Promise<Record<string, string>> {
  const zip = await ZipReader.open(path);
  try {
    const out: Record<string, string> = {};
    for await (const e of zip.entries()) out[e.name] = (await zip.read(e, maxBytes)).toString('utf8');
    return out;
  } finally {
    await zip.close();
  }
}

const SOURCES = [
  { name: 'GHSA-aaaa-bbbb-cccc.json', data: JSON.stringify({ id: 'GHSA-aaaa-bbbb-cccc', summary: 'x'.repeat(5000) }) },
  { name: 'nested/ü-name.json', data: '{"id":"X"}' },
  { name: 'empty.json', data: '' },
];

describe('zip reader', () => {
  it.each([
    ['deflated', {}],
    ['stored', { store: true }],
    ['ZIP64 records', { zip64: true }],
  ])('reads back what was written (%s)', async (_what, options) => {
    const path = join(dir, `round-${_what}.zip`);
    await writeZip(path, SOURCES, options);
    expect(await readAll(path)).toEqual(Object.fromEntries(SOURCES.map((s) => [s.name, s.data])));
  });

  it('reads more than 65,535 entries (ZIP64 end of central directory)', async () => {
    const path = join(dir, 'many.zip');
    const n = 70_000;
    await writeZip(path, (function* () {
      for (let i = 0; i < n; i++) yield { name: `r${i}.json`, data: String(i) };
    })(), { store: true });
    const zip = await ZipReader.open(path);
    let count = 0;
    let last = '';
    for await (const e of zip.entries()) {
      count++;
      last = e.name;
    }
    await zip.close();
    expect(count).toBe(n);
    expect(last).toBe(`r${n - 1}.json`);
  });

  it('stops a zip bomb at the output cap, whatever the header claims', async () => {
    const path = join(dir, 'bomb.zip');
    await writeZip(path, [{ name: 'bomb.json', data: Buffer.alloc(8 << 20) }]);
    // Lie in the central directory: claim the entry is tiny, so only the inflate cap can stop it.
    const bytes = readFileSync(path);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(10, central + 24);
    writeFileSync(path, bytes);
    expect((await ZipReader.open(path)).entryCount).toBe(1);
    await expect(readAll(path, 1 << 20)).rejects.toThrow(/bomb\.json: zip entry expands beyond the limit of 1048576 bytes/);
  });

  it('refuses an entry whose declared size is above the cap without inflating it', async () => {
    const path = join(dir, 'big.zip');
    await writeZip(path, [{ name: 'big.json', data: Buffer.alloc(2 << 20) }]);
    await expect(readAll(path, 1 << 20)).rejects.toThrow(/big\.json: zip entry is 2097152 bytes, above the limit/);
  });

  it('detects corruption: CRC, encryption, truncation, not a zip', async () => {
    const good = join(dir, 'good.zip');
    await writeZip(good, [{ name: 'a.json', data: '{"id":"A"}' }], { store: true });
    const bytes = readFileSync(good);

    const crc = Buffer.from(bytes);
    crc[crc.indexOf(Buffer.from('{"id"')) + 2] = 0x4a; // flip a byte of the stored data
    writeFileSync(join(dir, 'crc.zip'), crc);
    await expect(readAll(join(dir, 'crc.zip'))).rejects.toThrow(/a\.json: zip entry fails its CRC-32 check/);

    const encrypted = Buffer.from(bytes);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    writeFileSync(join(dir, 'enc.zip'), encrypted);
    await expect(readAll(join(dir, 'enc.zip'))).rejects.toThrow(/zip entry is encrypted/);

    writeFileSync(join(dir, 'cut.zip'), bytes.subarray(0, bytes.length - 30));
    await expect(ZipReader.open(join(dir, 'cut.zip'))).rejects.toThrow(/no end of central directory/);

    writeFileSync(join(dir, 'text.zip'), 'not a zip at all');
    await expect(ZipReader.open(join(dir, 'text.zip'))).rejects.toThrow(/no end of central directory/);
  });

  it('rejects a deflate stream that is not deflate', async () => {
    const path = join(dir, 'garbage.zip');
    await writeZip(path, [{ name: 'g.json', data: 'x'.repeat(100) }]);
    const bytes = readFileSync(path);
    const payload = deflateRawSync(Buffer.from('x'.repeat(100)));
    const at = bytes.indexOf(payload);
    bytes.fill(0xff, at, at + payload.length);
    writeFileSync(path, bytes);
    await expect(readAll(path)).rejects.toThrow(/g\.json: zip entry does not inflate/);
  });
});
