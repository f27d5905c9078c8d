import { describe, expect, it } from 'vitest';
import { jsonHead, keysAt, valueOf } from './json-head.js';

const head = (s: string) => jsonHead(Buffer.from(s));

describe('jsonHead', () => {
  it('lists keys by depth with their string values', () => {
    const h = head('\uFEFF {"$schema": "https://x/sarif.json", "runs": [{"tool": {"driver": {"name": "a\\"b"}}}], "version": "2.1.0"}');
    expect(h.root).toBe('{');
    expect(h.complete).toBe(true);
    expect([...keysAt(h, 1)]).toEqual(['$schema', 'runs', 'version']);
    expect([...keysAt(h, 3)]).toEqual(['tool']);
    expect(valueOf(h, 1, 'version')).toBe('2.1.0');
    expect(valueOf(h, 5, 'name')).toBe('a"b');
    expect(valueOf(h, 1, 'runs')).toBeUndefined();
  });

  it('reads what there is of a head cut anywhere, and nothing from non-JSON', () => {
    const h = head('[{"RuleID": "x", "Fi');
    expect(h).toMatchObject({ root: '[', complete: false });
    expect([...keysAt(h, 2)]).toEqual(['RuleID']);
    expect(head('null').root).toBeNull();
    expect(head('<?xml version="1.0"?>').root).toBeNull();
    expect(keysAt(head('{"a": "}", "b": ["{"], "c": 1}'), 1)).toEqual(new Set(['a', 'b', 'c']));
  });
});
