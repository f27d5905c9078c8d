import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../model/errors.js';
import { JsonScanner, type JsonPath, type JsonVisitor, type Visit } from './json-stream.js';
import { MAX_JSON_DEPTH } from './json.js';

interface Seen {
  values: { path: (string | number)[]; value: unknown; at: number }[];
  events: string[];
}

/** Walks into every container (or those `descendInto` allows) and records what it is handed. */
function recorder(descendInto: (path: JsonPath) => Visit = () => 'descend'): JsonVisitor & Seen {
  const seen: Seen = { values: [], events: [] };
  return {
    ...seen,
    visit: (path) => descendInto(path),
    enter: (path, kind) => { seen.events.push(`enter ${kind} ${path.join('/')}`); },
    leave: (path, kind) => { seen.events.push(`leave ${kind} ${path.join('/')}`); },
    value: (path, value, at) => { seen.values.push({ path: [...path], value, at }); },
  };
}

/** Feeds the text in chunks of `size` bytes (every split point, for size 1). */
function scan(text: string | Uint8Array, visitor: JsonVisitor, size = Infinity, maxValueBytes?: number): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const scanner = new JsonScanner('doc.json', visitor, maxValueBytes);
  for (let i = 0; i < bytes.length; i += size) scanner.write(bytes.subarray(i, Math.min(bytes.length, i + size)));
  scanner.end();
}

function failure(text: string, size = Infinity, maxValueBytes?: number): MothershipError {
  try {
    scan(text, recorder(), size, maxValueBytes);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the scan to fail');
}

/** Rebuilds a document from what a full descent reports, in document order, to compare with JSON.parse. */
function rebuild(text: string, size: number): unknown {
  let root: unknown;
  const containers: Record<string | number, unknown>[] = [];
  const place = (path: JsonPath, value: unknown) => {
    if (path.length === 0) root = value;
    else containers[path.length - 1]![path.at(-1)!] = value;
  };
  scan(text, {
    visit: () => 'descend',
    enter: (path, kind) => {
      const c = kind === 'array' ? [] : {};
      place(path, c);
      containers[path.length] = c;
    },
    value: (path, value) => place(path, value),
  }, size);
  return root;
}

describe('JsonScanner', () => {
  const doc = '\uFEFF{"a": [1, {"b": "x\\"y\\\\"}, [true, null]], "é": -1.5e3, "s": "ü\\u00e9\\n", "o": {}, "e": []}';

  it('rebuilds exactly what JSON.parse reads, whatever the chunking', () => {
    const expected = JSON.parse(doc.slice(1)) as unknown;
    for (const size of [1, 2, 3, 7, 64, Infinity]) expect(rebuild(doc, size)).toEqual(expected);
  });

  it('hands over whole values where asked, with their byte offsets', () => {
    const v = recorder((path) => (path.length === 0 ? 'descend' : 'value'));
    scan(doc, v, 5);
    expect(v.values.map((x) => x.path[0])).toEqual(['a', 'é', 's', 'o', 'e']);
    expect(v.values[0]?.value).toEqual([1, { b: 'x"y\\' }, [true, null]]);
    const bytes = Buffer.from(doc, 'utf8');
    // Offsets count bytes (the BOM and the two-byte é included), not characters.
    expect(v.values.map((x) => String.fromCharCode(bytes[x.at]!))).toEqual(['[', '-', '"', '{', '[']);
    expect(v.values[1]?.at).toBe(bytes.indexOf('-1.5e3'));
  });

  it('passes over skipped values without handing them over', () => {
    const v = recorder((path) => (path.length === 0 ? 'descend' : path[0] === 'a' ? 'skip' : 'value'));
    scan(doc, v, 4);
    expect(v.values.map((x) => x.path[0])).toEqual(['é', 's', 'o', 'e']);
  });

  it('agrees with JSON.parse on arbitrary documents and chunkings', () => {
    fc.assert(fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), fc.integer({ min: 1, max: 17 }), (value, size) => {
      const text = JSON.stringify(value, null, size % 3);
      expect(rebuild(text, size)).toEqual(JSON.parse(text));
    }), { numRuns: 200 });
  });

  it('drops __proto__ keys and cannot pollute prototypes', () => {
    const text = '{"__proto__": {"polluted": 1}, "a": {"__proto__": {"polluted": 2}, "\\u005f_proto__": {"polluted": 3}, "k": 1}}';
    const v = recorder((path) => (path.length === 0 ? 'descend' : 'value'));
    scan(text, v, 3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const a = v.values.find((x) => x.path[0] === 'a')?.value as Record<string, unknown>;
    expect(a).toEqual({ k: 1 });
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
  });

  it('names the byte where the document goes wrong', () => {
    expect(failure('{"a": 1 "b": 2}').message).toBe("doc.json: invalid JSON at byte 8: unexpected '\"', expected ',' or '}'");
    expect(failure('{"a": 1,}', 1).message).toContain("at byte 8: unexpected '}', expected an object key");
    expect(failure('[1, 2]]').message).toContain('at byte 6: unexpected');
    expect(failure('{"a": tru}').message).toMatch(/at byte 6: value is not valid JSON/);
    expect(failure('{"a": {"b": [1, 2}}').message).toContain("at byte 17: unexpected '}', expected ',' or ']'");
    expect(failure('{"a": {"b": [1, 2}}', 1).message).toContain('at byte 17');
    expect(failure('{"a": [1, 2').message).toMatch(/at byte 11: the document ends before it is complete \(truncated\?\)/);
    expect(failure('{"a": "abc', 4).message).toMatch(/at byte 6: the document ends inside this value/);
    expect(failure('').message).toMatch(/the document is empty/);
  });

  it('bounds the depth and the size of a single value', () => {
    const deep = `{"a": ${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(failure(deep, 1000).message).toMatch(new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels`));
    const walked = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(failure(walked).message).toMatch(/nested deeper/);
    const ok = `{"a": ${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    expect(() => scan(ok, recorder((p) => (p.length === 0 ? 'descend' : 'value')))).not.toThrow();
    expect(failure(`{"a": "${'x'.repeat(100)}"}`, 16, 50).message).toMatch(/at byte 6: a single value larger than 50 bytes/);
  });
});
