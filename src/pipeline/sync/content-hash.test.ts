import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from './stage.js';

/** The hash as stored by earlier versions: one update per part and per separator. */
function storedHash(parts: readonly (string | boolean | null)[]): string {
  const h = createHash('sha1');
  for (const part of parts) h.update(part === null ? '\u0001' : String(part)).update('\u0000');
  return h.digest('base64url');
}

describe('contentHash', () => {
  it('is the hash earlier versions stored, so an unchanged record stays unchanged across an upgrade', () => {
    const part = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.boolean(), fc.constantFrom('\uD800', '\uDC00x', 'a\uD83D'));
    fc.assert(fc.property(fc.array(part, { maxLength: 14 }), (parts) => {
      expect(contentHash(parts)).toBe(storedHash(parts));
    }), { numRuns: 2000 });
  });
});
