import fc from 'fast-check';

/**
 * Mutations of a real report for the ingest fuzzer (test/fuzz-ingest.test.ts). A mutation is a plain
 * descriptor drawn by fast-check (so a failure prints and shrinks it) and applied to the original bytes:
 * byte-level damage for every format, line-level for line formats (CSV, NDJSON, tag-value, XML), and
 * structural changes to the parsed value for JSON (re-serialized by hand, so duplicate and `__proto__`
 * keys survive into the file).
 */

/** A JSON value whose objects are entry lists: keys may repeat, and `__proto__` is a key like any other. */
export type Tree = null | boolean | number | string | Tree[] | { entries: [string, Tree][] };

const isEntries = (t: Tree): t is { entries: [string, Tree][] } => t !== null && typeof t === 'object' && !Array.isArray(t);

export function toTree(v: unknown): Tree {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(toTree);
  if (typeof v === 'object') return { entries: Object.keys(v).map((k) => [k, toTree((v as Record<string, unknown>)[k])]) };
  return null;
}

export function serialize(t: Tree): string {
  if (Array.isArray(t)) return `[${t.map(serialize).join(',')}]`;
  if (isEntries(t)) return `{${t.entries.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;
  return JSON.stringify(t) ?? 'null';
}

/** Every node in pre-order, with a way to replace it in its parent (the root has none). */
interface Slot { node: Tree; replace?: (t: Tree) => void }

function slots(root: Tree): Slot[] {
  const out: Slot[] = [{ node: root }];
  const walk = (t: Tree) => {
    if (Array.isArray(t)) {
      t.forEach((child, i) => {
        out.push({ node: child, replace: (n) => { t[i] = n; } });
        walk(child);
      });
    } else if (isEntries(t)) {
      t.entries.forEach((e) => {
        out.push({ node: e[1], replace: (n) => { e[1] = n; } });
        walk(e[1]);
      });
    }
  };
  walk(root);
  return out;
}

export type JsonStep =
  | { op: 'deleteKey' | 'duplicateKey' | 'deleteElement' | 'duplicateElement'; at: number; pick: number }
  | { op: 'injectKey'; at: number; key: string; value: unknown }
  | { op: 'swap'; at: number; value: unknown }
  | { op: 'copyLeaf'; at: number; from: number }
  | { op: 'nest'; at: number; depth: number; inObject: boolean };

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; flips: [number, number][] }
  | { op: 'insertBytes'; at: number; bytes: number[] }
  | { op: 'line'; action: 'delete' | 'duplicate' | 'swap'; at: number; other: number }
  | { op: 'json'; steps: JsonStep[] }
  | { op: 'xmlNest'; at: number; depth: number }
  | { op: 'xmlEntity' };

/** Values a field may be swapped for: other types, empty and hostile strings, extreme numbers. */
const swapValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -0, 2 ** 53 + 2, '', ' ', '\u0000', 'a\u0000b', '\ud800', 'CVE-2021-44228',
    'pkg:npm/%E0%A4%A@1', '../../etc/passwd', '__proto__', '{}', [], {}, [null], { a: 1 }, [[[]]], 'x'.repeat(5000)),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
);

const protoPayload = fc.constantFrom<unknown>({ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, 'polluted', { toString: 'x', valueOf: 1 });

const jsonStep: fc.Arbitrary<JsonStep> = fc.oneof(
  fc.record({ op: fc.constantFrom('deleteKey', 'duplicateKey', 'deleteElement', 'duplicateElement'), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('injectKey'), at: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'), value: protoPayload }),
  fc.record({ op: fc.constant('swap'), at: fc.nat(), value: swapValue }),
  // A value of the same type from elsewhere in the report: still valid, but ids, names and paths now collide.
  fc.record({ op: fc.constant('copyLeaf'), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('nest'), at: fc.nat(), depth: fc.integer({ min: 1, max: 300 }), inObject: fc.boolean() }),
);

/** Bytes that are not text: NUL, invalid UTF-8 lead/continuation bytes, an encoded surrogate, a BOM mid-file. */
const badBytes = fc.constantFrom([0], [0, 0, 0], [0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xef, 0xbb, 0xbf], [0x5c, 0x75, 0x30, 0x30, 0x30, 0x30]);

export interface FormatShape {
  /** The report parses as one JSON document. */
  json: boolean;
  /** The report is lines (CSV, NDJSON, tag-value) or markup worth line edits. */
  lines: boolean;
  xml: boolean;
}

export function shapeOf(text: string, name: string): FormatShape {
  let json = false;
  try {
    JSON.parse(text);
    json = true;
  } catch { /* not one JSON document */ }
  const xml = /^\s*</.test(text);
  return { json, xml, lines: !json || /\.(csv|spdx|txt)$/i.test(name) };
}

export function mutationArb(shape: FormatShape): fc.Arbitrary<Mutation> {
  const arbs: fc.Arbitrary<Mutation>[] = [
    fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
    fc.record({ op: fc.constant('flip'), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }) }),
    fc.record({ op: fc.constant('insertBytes'), at: fc.nat(), bytes: badBytes }),
  ] as fc.Arbitrary<Mutation>[];
  if (shape.lines) arbs.push(fc.record({ op: fc.constant('line'), action: fc.constantFrom('delete', 'duplicate', 'swap'), at: fc.nat(), other: fc.nat() }));
  if (shape.xml) {
    arbs.push(fc.record({ op: fc.constant('xmlNest'), at: fc.nat(), depth: fc.integer({ min: 1, max: 400 }) }));
    arbs.push(fc.constant({ op: 'xmlEntity' }));
  }
  // Structural mutations are the most likely to get past the JSON parser: weighted up.
  if (shape.json) arbs.push(...Array.from({ length: 3 }, () => fc.record({ op: fc.constant('json'), steps: fc.array(jsonStep, { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Mutation>));
  return fc.oneof(...arbs);
}

function nest(t: Tree, depth: number, inObject: boolean): Tree {
  let out = t;
  for (let i = 0; i < depth; i++) out = inObject ? { entries: [['a', out]] } : [out];
  return out;
}

function applyJsonStep(root: Tree, step: JsonStep): Tree {
  const all = slots(root);
  if (step.op === 'swap' || step.op === 'nest') {
    const slot = all[step.at % all.length]!;
    const replacement = step.op === 'swap' ? toTree(step.value) : nest(slot.node, step.depth, step.inObject);
    if (!slot.replace) return replacement;
    slot.replace(replacement);
    return root;
  }
  if (step.op === 'copyLeaf') {
    const leaves = all.filter((s) => s.node !== null && typeof s.node !== 'object');
    const target = leaves[step.at % Math.max(leaves.length, 1)];
    const same = leaves.filter((s) => typeof s.node === typeof target?.node);
    const from = same[step.from % Math.max(same.length, 1)];
    if (target?.replace && from) target.replace(from.node);
    return root;
  }
  const objects = all.map((s) => s.node).filter((n): n is { entries: [string, Tree][] } => isEntries(n));
  const arrays = all.map((s) => s.node).filter((n): n is Tree[] => Array.isArray(n));
  if (step.op === 'injectKey') {
    const o = objects[step.at % Math.max(objects.length, 1)];
    o?.entries.unshift([step.key, toTree(step.value)]);
    return root;
  }
  if (step.op === 'deleteKey' || step.op === 'duplicateKey') {
    const o = objects[step.at % Math.max(objects.length, 1)];
    if (!o || o.entries.length === 0) return root;
    const i = step.pick % o.entries.length;
    if (step.op === 'deleteKey') o.entries.splice(i, 1);
    else o.entries.push([o.entries[i]![0], toTree(JSON.parse(serialize(o.entries[i]![1])))]); // the duplicate comes last: JSON parsers keep it
    return root;
  }
  const a = arrays[step.at % Math.max(arrays.length, 1)];
  if (!a || a.length === 0) return root;
  const i = step.pick % a.length;
  if (step.op === 'deleteElement') a.splice(i, 1);
  else a.splice(i, 0, toTree(JSON.parse(serialize(a[i]!))));
  return root;
}

/** The mutated file. `original` is the report's bytes; `text` its UTF-8 text. */
export function applyMutation(original: Uint8Array, text: string, m: Mutation): Uint8Array {
  const bytes = Buffer.from(original);
  switch (m.op) {
    case 'truncate':
      return bytes.subarray(0, m.at % Math.max(bytes.length, 1));
    case 'flip': {
      const out = Buffer.from(bytes);
      for (const [at, mask] of m.flips) if (out.length) out[at % out.length]! ^= mask;
      return out;
    }
    case 'insertBytes': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'line': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      const j = m.other % lines.length;
      if (m.action === 'delete') lines.splice(i, 1);
      else if (m.action === 'duplicate') lines.splice(i, 0, lines[i]!);
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return Buffer.from(lines.join('\n'));
    }
    case 'json':
      return Buffer.from(serialize(m.steps.reduce(applyJsonStep, toTree(JSON.parse(text)))));
    case 'xmlNest': {
      // After a random tag's `>`: deep markup where a parser recursing per level would exhaust its stack.
      const closes = [...text.matchAll(/>/g)].map((x) => x.index);
      const at = closes.length ? closes[m.at % closes.length]! + 1 : 0;
      return Buffer.from(`${text.slice(0, at)}${'<n>'.repeat(m.depth)}x${'</n>'.repeat(m.depth)}${text.slice(at)}`);
    }
    case 'xmlEntity': {
      // Entity expansion (billion laughs) and an external entity, declared before the root element.
      const decl = /^\s*<\?xml[^>]*\?>/.exec(text)?.[0] ?? '';
      const doctype = '<!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
      const body = text.slice(decl.length).replace(/<name>([^<]*)<\/name>/, '<name>&c;&x;$1</name>');
      return Buffer.from(`${decl}${doctype}${body}`);
    }
  }
}
