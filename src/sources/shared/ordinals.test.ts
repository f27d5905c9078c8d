import { describe, expect, it } from 'vitest';
import { Ordinals } from './ordinals.js';

describe('Ordinals', () => {
  it('numbers a key by the distinct positions it is seen at, per scope', () => {
    const o = new Ordinals();
    expect(o.number('k', '1:1')).toBe('k');
    expect(o.number('k', '5:1')).toBe('k#1');
    expect(o.number('k', '1:1')).toBe('k');
    expect(o.number('k', '9:1')).toBe('k#2');
    expect(o.number('k', '9:1', 'other-rule')).toBe('k');
  });
});
