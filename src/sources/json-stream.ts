import { badInput } from '../model/errors.js';
import { MAX_JSON_DEPTH, parseJsonValue } from './json.js';

/**
 * Reads a JSON document of any size in one pass over its bytes, in bounded memory. The caller walks into
 * the objects and arrays it wants member by member (a report's `Results`, each result's lists) and gets
 * every other value whole, parsed by the same safe parser as small files (no `__proto__` keys, bounded
 * depth), one at a time. Only one value is ever held, so memory is bounded by the largest single value.
 *
 * Structural bytes (`{ } [ ] " \ , :`) are ASCII and never occur inside a UTF-8 multi-byte sequence, so
 * the scan works on raw bytes and every error names an exact byte offset.
 */

/** Where a value sits: object keys and array indices from the root. Live: copy it to keep it. */
export type JsonPath = readonly (string | number)[];

/** What to do with the object or array at a path: walk into it, have it whole, or pass over it. */
export type Visit = 'descend' | 'value' | 'skip';

export interface JsonVisitor {
  /** Asked for every object or array value; scalars are always delivered whole. */
  visit(path: JsonPath, kind: 'object' | 'array'): Visit;
  /** A container walked into starts or ends. */
  enter?(path: JsonPath, kind: 'object' | 'array'): void;
  leave?(path: JsonPath, kind: 'object' | 'array'): void;
  /** A whole value; `at` is the byte offset where it starts. */
  value(path: JsonPath, value: unknown, at: number): void;
}

/** Largest single value delivered whole (one vulnerability entry, a report's Metadata). */
export const MAX_VALUE_BYTES = 64 * 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** Bytes that end a number or literal. */
const isDelimiter = (b: number) => b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isSpace(b);

type Expect =
  | 'value' // a value (root, after ':' or after ',' in an array)
  | 'valueOrClose' // right after '['
  | 'key' // after ',' in an object
  | 'keyOrClose' // right after '{'
  | 'colon'
  | 'commaOrClose'
  | 'done';

interface Frame {
  kind: 'object' | 'array';
  index: number;
}

/** A value being scanned to its end, possibly across chunks. */
interface Capture {
  /** What it is: a member value, an object key, or a value passed over. */
  role: 'value' | 'key' | 'skip';
  start: number;
  scalar: boolean;
  depth: number;
  inString: boolean;
  escaped: boolean;
  pieces: Uint8Array[];
  bytes: number;
}

export class JsonScanner {
  /** Absolute offset of the first byte of the current chunk. */
  private offset = 0;
  private expect: Expect = 'value';
  private readonly frames: Frame[] = [];
  private readonly path: (string | number)[] = [];
  private capture: Capture | null = null;
  private started = false;
  /** How much of a leading byte-order mark was read; -1 once past it. */
  private bomAt = 0;
  private bsChunk: Uint8Array | null = null;
  private bsPos = 0;

  constructor(
    private readonly where: string,
    private readonly visitor: JsonVisitor,
    private readonly maxValueBytes = MAX_VALUE_BYTES,
  ) {}

  private fail(at: number, what: string): never {
    throw badInput(this.where, `invalid JSON at byte ${at}: ${what}`);
  }

  private unexpected(at: number, b: number): never {
    const shown = b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
    const wanted: Record<Expect, string> = {
      value: 'a value', valueOrClose: "a value or ']'", key: 'an object key', keyOrClose: "an object key or '}'",
      colon: "':'", commaOrClose: `',' or '${this.frames.at(-1)?.kind === 'array' ? ']' : '}'}'`, done: 'the end of the document',
    };
    this.fail(at, `unexpected ${shown}, expected ${wanted[this.expect]}`);
  }

  /** Feeds the next bytes of the document. */
  write(chunk: Uint8Array): void {
    let i = 0;
    this.bsChunk = null;
    const n = chunk.length;
    if (n > 0) this.started = true;
    // A UTF-8 byte-order mark is not part of the JSON text; chunks may split it.
    while (this.bomAt >= 0 && i < n) {
      if (chunk[i] !== BOM[this.bomAt]) {
        if (this.bomAt > 0) this.unexpected(this.offset + i, chunk[i]!);
        this.bomAt = -1;
        break;
      }
      i++;
      if (++this.bomAt === BOM.length) this.bomAt = -1;
    }
    while (i < n) {
      if (this.capture) {
        i = this.scanCapture(chunk, i);
        continue;
      }
      const b = chunk[i]!;
      if (isSpace(b)) {
        i++;
        continue;
      }
      i = this.structural(chunk, i, b);
    }
    this.offset += n;
  }

  /** The document has ended: everything must be closed. */
  end(): void {
    const c = this.capture;
    if (c && c.scalar && !c.inString) {
      this.finishCapture(c, new Uint8Array(0));
    }
    if (this.capture) this.fail(this.capture.start, 'the document ends inside this value (truncated?)');
    if (this.expect !== 'done') this.fail(this.offset, this.started ? 'the document ends before it is complete (truncated?)' : 'the document is empty');
  }

  private structural(chunk: Uint8Array, i: number, b: number): number {
    const at = this.offset + i;
    switch (this.expect) {
      case 'done':
        return this.unexpected(at, b);
      case 'colon':
        if (b !== COLON) this.unexpected(at, b);
        this.expect = 'value';
        return i + 1;
      case 'commaOrClose': {
        const frame = this.frames.at(-1)!;
        if (b === COMMA) {
          this.expect = frame.kind === 'object' ? 'key' : 'value';
          return i + 1;
        }
        if (b !== (frame.kind === 'object' ? CLOSE_OBJECT : CLOSE_ARRAY)) this.unexpected(at, b);
        return this.close(i);
      }
      case 'key':
      case 'keyOrClose':
        if (b === CLOSE_OBJECT && this.expect === 'keyOrClose') return this.close(i);
        if (b !== QUOTE) this.unexpected(at, b);
        this.capture = this.newCapture('key', at, true);
        this.capture.inString = true;
        return this.scanCapture(chunk, i + 1, 1);
      case 'valueOrClose':
        if (b === CLOSE_ARRAY) return this.close(i);
      // falls through: any other byte starts the array's first value
      case 'value':
        return this.startValue(chunk, i, b, at);
    }
  }

  private newCapture(role: Capture['role'], start: number, scalar: boolean): Capture {
    return { role, start, scalar, depth: 0, inString: false, escaped: false, pieces: [], bytes: 0 };
  }

  private startValue(chunk: Uint8Array, i: number, b: number, at: number): number {
    const frame = this.frames.at(-1);
    if (frame?.kind === 'array') this.path.push(frame.index);
    if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      const kind = b === OPEN_OBJECT ? 'object' : 'array';
      const visit = this.visitor.visit(this.path, kind);
      if (visit === 'descend') {
        if (this.frames.length + 1 > MAX_JSON_DEPTH) this.fail(at, `nested deeper than ${MAX_JSON_DEPTH} levels`);
        this.frames.push({ kind, index: 0 });
        this.expect = kind === 'object' ? 'keyOrClose' : 'valueOrClose';
        this.visitor.enter?.(this.path, kind);
        return i + 1;
      }
      this.capture = this.newCapture(visit === 'skip' ? 'skip' : 'value', at, false);
      return this.scanCapture(chunk, i);
    }
    if (b === QUOTE) {
      this.capture = this.newCapture('value', at, true);
      this.capture.inString = true;
      return this.scanCapture(chunk, i + 1, 1);
    }
    if (b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e) {
      this.capture = this.newCapture('value', at, true);
      return this.scanCapture(chunk, i);
    }
    return this.unexpected(at, b);
  }

  /** Ends the innermost container at chunk[i]. */
  private close(i: number): number {
    const frame = this.frames.pop()!;
    this.visitor.leave?.(this.path, frame.kind);
    this.afterValue();
    return i + 1;
  }

  /** A member value (or a whole container) is complete: back in the parent. */
  private afterValue(): void {
    const parent = this.frames.at(-1);
    if (!parent) {
      this.expect = 'done';
      return;
    }
    this.path.pop();
    parent.index++;
    this.expect = 'commaOrClose';
  }

  /** The first backslash at or after j in chunk, or chunk.length: cached, so a chunk is searched once. */
  private backslashFrom(chunk: Uint8Array, j: number): number {
    if (this.bsChunk !== chunk || this.bsPos < j) {
      this.bsChunk = chunk;
      const k = chunk.indexOf(BACKSLASH, j);
      this.bsPos = k === -1 ? chunk.length : k;
    }
    return this.bsPos;
  }

  /**
   * Scans a captured value from chunk[i] to its end or the chunk's end; returns where scanning stopped.
   * `skipFirst` bytes before i belong to the value but were already read (an opening quote).
   */
  private scanCapture(chunk: Uint8Array, i: number, skipFirst = 0): number {
    const c = this.capture!;
    const from = i - skipFirst;
    const n = chunk.length;
    let j = i;
    let end = -1;
    while (j < n) {
      if (c.inString) {
        if (c.escaped) {
          c.escaped = false;
          j++;
          continue;
        }
        // Jump to the closing quote unless an escape comes first.
        const q = chunk.indexOf(QUOTE, j);
        const bs = this.backslashFrom(chunk, j);
        if (bs < n && (q === -1 || bs < q)) {
          c.escaped = true;
          j = bs + 1;
          continue;
        }
        if (q === -1) break;
        c.inString = false;
        j = q + 1;
        if (c.scalar) {
          end = j;
          break;
        }
        continue;
      }
      const b = chunk[j]!;
      if (c.scalar) {
        if (isDelimiter(b)) {
          end = j;
          break;
        }
        j++;
        continue;
      }
      if (b === QUOTE) c.inString = true;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (++c.depth + this.frames.length > MAX_JSON_DEPTH) this.fail(this.offset + j, `nested deeper than ${MAX_JSON_DEPTH} levels`);
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        if (--c.depth === 0) {
          end = j + 1;
          break;
        }
      }
      j++;
    }
    const stop = end === -1 ? n : end;
    c.bytes += stop - from;
    if (c.bytes > this.maxValueBytes) this.fail(c.start, `a single value larger than ${this.maxValueBytes} bytes`);
    if (end === -1) {
      // The chunk may be reused by its producer: keep a copy.
      if (c.role !== 'skip' && stop > from) c.pieces.push(chunk.slice(from, stop));
      return n;
    }
    this.finishCapture(c, chunk.subarray(from, end));
    return end;
  }

  private finishCapture(c: Capture, last: Uint8Array): void {
    this.capture = null;
    if (c.role === 'skip') {
      this.afterValue();
      return;
    }
    const bytes = c.pieces.length === 0 ? last : Buffer.concat([...c.pieces, last]);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    let value: unknown;
    try {
      value = parseJsonValue(text);
    } catch (e) {
      this.fail(c.start, `${c.role === 'key' ? 'object key' : 'value'} is not valid JSON (${(e as Error).message})`);
    }
    if (c.role === 'key') {
      this.path.push(value as string);
      this.expect = 'colon';
      return;
    }
    this.visitor.value(this.path, value, c.start);
    this.afterValue();
  }
}

/**
 * Streams a document through a visitor; after each chunk, whatever the visitor queued is yielded.
 * The visitor's `drain` hands over what it produced so far.
 */
export async function* scanStream<T>(source: AsyncIterable<Uint8Array>, scanner: JsonScanner, drain: () => T[]): AsyncGenerator<T> {
  for await (const chunk of source) {
    scanner.write(chunk);
    yield* drain();
  }
  scanner.end();
  yield* drain();
}
