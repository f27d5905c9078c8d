import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isRedactedSecret, maskTokens, secretDigest } from './secret-digest.js';

describe('secret digests', () => {
  it('is stable, distinct per secret, and not the plain hash of the secret', () => {
    const s = 'AKIAIOSFODNN7EXAMPLE';
    expect(secretDigest(s)).toBe(secretDigest(s));
    expect(secretDigest(s)).not.toBe(secretDigest(`${s}x`));
    expect(secretDigest(s)).not.toBe(createHash('sha256').update(s).digest('hex'));
  });

  it('knows the placeholders scanners write for hidden secrets', () => {
    for (const s of ['REDACTED', 'REDACTEDJ', '****', '[REDACTED]', '', null]) expect(isRedactedSecret(s), String(s)).toBe(true);
    expect(isRedactedSecret('ghp_abc123')).toBe(false);
  });

  it('masks token-like words in prose and keeps plain words', () => {
    expect(maskTokens('AWS key AKIAIOSFODNN7EXAMPLE found in config')).toBe('AWS key [REDACTED] found in config');
    expect(maskTokens('aws-access-token has detected secret')).toBe('aws-access-token has detected secret');
  });
});
