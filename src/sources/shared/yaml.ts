import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { badInput } from '../../model/errors.js';

/** Largest YAML file read: catalogue files are small; a huge one is a mistake or an attack. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
/** Alias expansions allowed per document: bounds "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 100;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Copies plain data, dropping keys that could reach a prototype when the value is used later. */
function plain(value: unknown, depth: number, where: string): unknown {
  if (depth > 64) throw badInput(where, 'YAML nested deeper than 64 levels');
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1, where));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!UNSAFE_KEYS.has(k)) out[k] = plain(v, depth + 1, where);
    return out;
  }
  return value;
}

/**
 * Parses every document of an untrusted YAML stream into plain values. Core schema only (no custom or
 * language-specific tags, `no` stays a string), duplicate keys rejected, aliases bounded; the first syntax
 * error names the file and line.
 */
export function parseUntrustedYaml(text: string, where: string): unknown[] {
  if (text.length > MAX_YAML_BYTES) throw badInput(where, `YAML larger than ${MAX_YAML_BYTES} bytes`);
  const docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), {
    version: '1.2', schema: 'core', customTags: [], merge: false, uniqueKeys: true, prettyErrors: true, stringKeys: true,
  });
  if (!Array.isArray(docs)) return []; // an empty stream
  const values: unknown[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) throw badInput(where, `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`, error);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      throw badInput(where, `invalid YAML: ${(e as Error).message}`, e);
    }
    if (value !== null && value !== undefined) values.push(plain(value, 0, where));
  }
  return values;
}

/**
 * Reads a configuration file (YAML or JSON, at most one document) as untrusted data: `what` names it in
 * errors ("the risk configuration"). An empty file is `undefined`; the caller validates the shape.
 */
export function readConfigDocument(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw badInput(path, `cannot read ${what}: ${(e as Error).message}`, e);
  }
  const docs = parseUntrustedYaml(text, path);
  if (docs.length > 1) throw badInput(path, 'expected one YAML document, found several');
  return docs[0];
}
