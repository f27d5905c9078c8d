import { parseUntrustedJson } from '../json.js';
/** The non-empty lines of an NDJSON document, each parsed as untrusted JSON; errors name the line. */
export function* ndjsonLines(text, where) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
        if (raw.trim() === '')
            continue;
        yield { line: i + 1, value: parseUntrustedJson(raw, `${where}: line ${i + 1}`) };
    }
}
//# sourceMappingURL=ndjson.js.map