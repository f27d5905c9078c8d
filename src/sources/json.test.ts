import { describe, expect, it } from 'vitest';
import { MothershipError } from '../model/errors.js';
import { MAX_JSON_DEPTH, parseUntrustedJson } from './json.js';

describe('parseUntrustedJson', () => {
  it('drops __proto__ and constructor.prototype keys, leaving Object.prototype alone', () => {
    const v = parseUntrustedJson('{"a": 1, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}', 'x.json');
    expect(v).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('replaces escaped lone surrogates, in values and keys, and keeps pairs', () => {
    const v = parseUntrustedJson('{"a": "x\\ud800y", "b\\udc00": ["\\udfff", "\\ud83d\\ude00"], "c": "\\uD800\\uD800"}', 'x.json');
    expect(v).toEqual({ a: 'x\uFFFDy', 'b\uFFFD': ['\uFFFD', '\u{1F600}'], c: '\uFFFD\uFFFD' });
    // The text JSON.stringify makes of it is valid for the store's jsonb: no \ud800 escape left.
    expect(JSON.stringify(v)).not.toMatch(/\\ud[89a-f]/i);
  });

  it('drops escaped NULs, as the store would, without letting them spell __proto__', () => {
    const v = parseUntrustedJson('{"id": "a\\u0000b", "__pro\\u0000to__": {"polluted": 1}, "k\\u0000": [1]}', 'x.json');
    expect(v).toEqual({ id: 'ab', k: [1] });
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the file on syntax errors and on nesting too deep', () => {
    expect(() => parseUntrustedJson('{"a": [1, 2', 'broken.json')).toThrow(/^broken\.json: invalid JSON/);
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(() => parseUntrustedJson(deep, 'deep.json')).toThrow(MothershipError);
    expect(() => parseUntrustedJson(deep, 'deep.json')).toThrow(/^deep\.json: JSON nested deeper than/);
  });

  it('counts nesting outside strings only, escaped quotes and backslashes included', () => {
    const brackets = '['.repeat(MAX_JSON_DEPTH + 1);
    const text = JSON.stringify({ a: `${brackets}"${brackets}\\`, b: [`\\"${brackets}`], c: '\\' });
    expect(parseUntrustedJson(text, 'x.json')).toEqual(JSON.parse(text));
    const nested = `${'['.repeat(MAX_JSON_DEPTH)}"\\\\"${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseUntrustedJson(nested, 'x.json')).toBeDefined();
    expect(() => parseUntrustedJson(`["\\\\", ${nested}]`, 'x.json')).toThrow(/nested deeper/);
  });
});
