import { headText } from '../report-file.js';

/** One object key seen in the head of a JSON document, at its nesting depth (1 = a key of the root object). */
export interface HeadKey {
  depth: number;
  key: string;
  /** The value when it is a string (cut at 512 chars), for sniffing `"version": "2.1.0"` and the like. */
  value?: string;
}

/** What the first bytes of a JSON document say about its shape, read without parsing the whole file. */
export interface JsonHead {
  /** `{`, `[`, or null when the head is not JSON-looking (other text, `null`, a number). */
  root: '{' | '[' | null;
  keys: HeadKey[];
  /** The head is the whole document (it closed its root before the end of the head). */
  complete: boolean;
}

const MAX_VALUE = 512;

/**
 * Scans the head of a JSON document for its object keys and their depths. Depth counts every `{` and `[`
 * from the root, so in `{"runs": [{"tool": ...}]}` `runs` is at depth 1 and `tool` at depth 3. A head cut
 * in the middle of the document is fine: the scan stops at the end of the bytes it has.
 */
export function jsonHead(head: Uint8Array): JsonHead {
  const text = headText(head, head.length);
  const first = text[0];
  if (first !== '{' && first !== '[') return { root: null, keys: [], complete: false };
  const keys: HeadKey[] = [];
  let depth = 0;
  let pendingKey: { depth: number; key: string } | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) break;
      const raw = text.slice(i + 1, end);
      let j = end + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === ':') {
        pendingKey = { depth, key: unescape(raw) };
        keys.push(pendingKey);
        i = j + 1;
        continue;
      }
      if (pendingKey && pendingKey.depth === depth) keys[keys.length - 1] = { ...pendingKey, value: unescape(raw).slice(0, MAX_VALUE) };
      pendingKey = null;
      i = end + 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return { root: first, keys, complete: true };
    }
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') pendingKey = null; // a non-string value
    i++;
  }
  return { root: first, keys, complete: false };
}

/** Index of the closing quote of the string opening at `start`, or -1 when the head ends inside it. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return -1;
}

function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Keys seen at one depth. */
export function keysAt(head: JsonHead, depth: number): Set<string> {
  return new Set(head.keys.filter((k) => k.depth === depth).map((k) => k.key));
}

/** The string value of the first key of that name at that depth. */
export function valueOf(head: JsonHead, depth: number, key: string): string | undefined {
  return head.keys.find((k) => k.depth === depth && k.key === key)?.value;
}
