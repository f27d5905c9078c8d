import sjson from 'secure-json-parse';
import { badInput } from '../model/errors.js';

/** Largest JSON document parsed whole; bigger reports must be streamed by their parser. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;
/** Deepest nesting accepted: real reports stay far below; hostile ones must not exhaust the stack. */
export const MAX_JSON_DEPTH = 256;

function depthOf(text: string, where: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_JSON_DEPTH) throw badInput(where, `JSON nested deeper than ${MAX_JSON_DEPTH} levels at offset ${i}`);
    } else if (c === 125 || c === 93) depth--;
  }
}

/**
 * Parses untrusted JSON: `__proto__` and `constructor.prototype` keys are dropped (no prototype
 * pollution), depth and size are bounded, and a syntax error names the file and the position.
 */
export function parseUntrustedJson(text: string, where: string): unknown {
  if (text.length > MAX_JSON_BYTES) throw badInput(where, `JSON larger than ${MAX_JSON_BYTES} bytes; this format must be streamed`);
  const clean = text.replace(/^\uFEFF/, '');
  depthOf(clean, where);
  try {
    return sjson.parse(clean, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  } catch (e) {
    throw badInput(where, `invalid JSON: ${(e as Error).message}`, e);
  }
}
