import { describe, expect, it } from 'vitest';
import { refuseNul } from './text.js';

describe('refuseNul', () => {
  it('passes text and names the line and column of a NUL', () => {
    expect(() => refuseNul('a;b\nc;d\n', 'r.csv', 'Prowler CSV')).not.toThrow();
    expect(() => refuseNul('a;b\nc;\u0000d\n', 'r.csv', 'Prowler CSV')).toThrow('r.csv: Prowler CSV has a NUL character at line 2, column 3');
  });
});
