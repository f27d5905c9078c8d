import { badInput } from '../model/errors.js';
import { MAX_JSON_DEPTH, parseJsonValue } from './json.js';
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
const isSpace = (b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** Bytes that end a number or literal. */
const isDelimiter = (b) => b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isSpace(b);
export class JsonScanner {
    where;
    visitor;
    maxValueBytes;
    /** Absolute offset of the first byte of the current chunk. */
    offset = 0;
    expect = 'value';
    frames = [];
    path = [];
    capture = null;
    started = false;
    /** How much of a leading byte-order mark was read; -1 once past it. */
    bomAt = 0;
    bsChunk = null;
    bsPos = 0;
    constructor(where, visitor, maxValueBytes = MAX_VALUE_BYTES) {
        this.where = where;
        this.visitor = visitor;
        this.maxValueBytes = maxValueBytes;
    }
    fail(at, what) {
        throw badInput(this.where, `invalid JSON at byte ${at}: ${what}`);
    }
    unexpected(at, b) {
        const shown = b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
        const wanted = {
            value: 'a value', valueOrClose: "a value or ']'", key: 'an object key', keyOrClose: "an object key or '}'",
            colon: "':'", commaOrClose: `',' or '${this.frames.at(-1)?.kind === 'array' ? ']' : '}'}'`, done: 'the end of the document',
        };
        this.fail(at, `unexpected ${shown}, expected ${wanted[this.expect]}`);
    }
    /** Feeds the next bytes of the document. */
    write(chunk) {
        let i = 0;
        this.bsChunk = null;
        const n = chunk.length;
        if (n > 0)
            this.started = true;
        // A UTF-8 byte-order mark is not part of the JSON text; chunks may split it.
        while (this.bomAt >= 0 && i < n) {
            if (chunk[i] !== BOM[this.bomAt]) {
                if (this.bomAt > 0)
                    this.unexpected(this.offset + i, chunk[i]);
                this.bomAt = -1;
                break;
            }
            i++;
            if (++this.bomAt === BOM.length)
                this.bomAt = -1;
        }
        while (i < n) {
            if (this.capture) {
                i = this.scanCapture(chunk, i);
                continue;
            }
            const b = chunk[i];
            if (isSpace(b)) {
                i++;
                continue;
            }
            i = this.structural(chunk, i, b);
        }
        this.offset += n;
    }
    /** The document has ended: everything must be closed. */
    end() {
        const c = this.capture;
        if (c && c.scalar && !c.inString) {
            this.finishCapture(c, new Uint8Array(0));
        }
        if (this.capture)
            this.fail(this.capture.start, 'the document ends inside this value (truncated?)');
        if (this.expect !== 'done')
            this.fail(this.offset, this.started ? 'the document ends before it is complete (truncated?)' : 'the document is empty');
    }
    structural(chunk, i, b) {
        const at = this.offset + i;
        switch (this.expect) {
            case 'done':
                return this.unexpected(at, b);
            case 'colon':
                if (b !== COLON)
                    this.unexpected(at, b);
                this.expect = 'value';
                return i + 1;
            case 'commaOrClose': {
                const frame = this.frames.at(-1);
                if (b === COMMA) {
                    this.expect = frame.kind === 'object' ? 'key' : 'value';
                    return i + 1;
                }
                if (b !== (frame.kind === 'object' ? CLOSE_OBJECT : CLOSE_ARRAY))
                    this.unexpected(at, b);
                return this.close(i);
            }
            case 'key':
            case 'keyOrClose':
                if (b === CLOSE_OBJECT && this.expect === 'keyOrClose')
                    return this.close(i);
                if (b !== QUOTE)
                    this.unexpected(at, b);
                this.capture = this.newCapture('key', at, true);
                this.capture.inString = true;
                return this.scanCapture(chunk, i + 1, 1);
            case 'valueOrClose':
                if (b === CLOSE_ARRAY)
                    return this.close(i);
            // falls through: any other byte starts the array's first value
            case 'value':
                return this.startValue(chunk, i, b, at);
        }
    }
    newCapture(role, start, scalar) {
        return { role, start, scalar, depth: 0, inString: false, escaped: false, pieces: [], bytes: 0 };
    }
    startValue(chunk, i, b, at) {
        const frame = this.frames.at(-1);
        if (frame?.kind === 'array')
            this.path.push(frame.index);
        if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
            const kind = b === OPEN_OBJECT ? 'object' : 'array';
            const visit = this.visitor.visit(this.path, kind);
            if (visit === 'descend') {
                if (this.frames.length + 1 > MAX_JSON_DEPTH)
                    this.fail(at, `nested deeper than ${MAX_JSON_DEPTH} levels`);
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
    close(i) {
        const frame = this.frames.pop();
        this.visitor.leave?.(this.path, frame.kind);
        this.afterValue();
        return i + 1;
    }
    /** A member value (or a whole container) is complete: back in the parent. */
    afterValue() {
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
    backslashFrom(chunk, j) {
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
    scanCapture(chunk, i, skipFirst = 0) {
        const c = this.capture;
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
                if (q === -1)
                    break;
                c.inString = false;
                j = q + 1;
                if (c.scalar) {
                    end = j;
                    break;
                }
                continue;
            }
            const b = chunk[j];
            if (c.scalar) {
                if (isDelimiter(b)) {
                    end = j;
                    break;
                }
                j++;
                continue;
            }
            if (b === QUOTE)
                c.inString = true;
            else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
                if (++c.depth + this.frames.length > MAX_JSON_DEPTH)
                    this.fail(this.offset + j, `nested deeper than ${MAX_JSON_DEPTH} levels`);
            }
            else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
                if (--c.depth === 0) {
                    end = j + 1;
                    break;
                }
            }
            j++;
        }
        const stop = end === -1 ? n : end;
        c.bytes += stop - from;
        if (c.bytes > this.maxValueBytes)
            this.fail(c.start, `a single value larger than ${this.maxValueBytes} bytes`);
        if (end === -1) {
            // The chunk may be reused by its producer: keep a copy.
            if (c.role !== 'skip' && stop > from)
                c.pieces.push(chunk.slice(from, stop));
            return n;
        }
        this.finishCapture(c, chunk.subarray(from, end));
        return end;
    }
    finishCapture(c, last) {
        this.capture = null;
        if (c.role === 'skip') {
            this.afterValue();
            return;
        }
        const bytes = c.pieces.length === 0 ? last : Buffer.concat([...c.pieces, last]);
        const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
        let value;
        try {
            value = parseJsonValue(text);
        }
        catch (e) {
            this.fail(c.start, `${c.role === 'key' ? 'object key' : 'value'} is not valid JSON (${e.message})`);
        }
        if (c.role === 'key') {
            this.path.push(value);
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
export async function* scanStream(source, scanner, drain) {
    for await (const chunk of source) {
        scanner.write(chunk);
        yield* drain();
    }
    scanner.end();
    yield* drain();
}
//# sourceMappingURL=json-stream.js.map