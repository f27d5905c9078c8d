/**
 * Encodes rows in PostgreSQL's COPY text format, shared by both drivers so they load identical bytes.
 * Text format: tab-separated columns, \N for null, backslash escapes for \\ \t \n \r.
 */

function escapeCopy(s: string): string {
  // Fast path: most values need no escaping.
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Array literal for text[]: every element quoted, quotes and backslashes escaped. */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v as string | number).replace(/[\\"]/g, (c) => `\\${c}`)}"`));
  return `{${parts.join(',')}}`;
}

// PostgreSQL text cannot hold NUL; sources may hand us strings with it (hostile reports).
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeCopy(v.replace(NUL, ''));
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '\\N';
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeCopy(arrayLiteral(v).replace(NUL, ''));
  return escapeCopy(jsonText(v));
}

/**
 * JSON text for a jsonb column. jsonb rejects the \u0000 escape, which hostile reports contain, so it is
 * dropped — but not an escaped backslash followed by the letters u0000.
 */
export function jsonText(v: unknown): string {
  const text = JSON.stringify(v);
  return text.includes('\\u0000') ? text.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : text;
}

/** Encodes rows into chunks of at most ~chunkBytes of COPY text, so huge loads stream in bounded memory. */
export function* copyChunks(rows: Iterable<readonly unknown[]>, chunkBytes = 4 << 20): Generator<{ text: string; rows: number }> {
  let buf: string[] = [];
  let size = 0;
  let n = 0;
  for (const row of rows) {
    const line = row.map(copyValue).join('\t') + '\n';
    buf.push(line);
    size += line.length;
    n++;
    if (size >= chunkBytes) {
      yield { text: buf.join(''), rows: n };
      buf = [];
      size = 0;
      n = 0;
    }
  }
  if (n > 0) yield { text: buf.join(''), rows: n };
}

/** Quotes an identifier list for COPY column lists; names come from our code, never from input. */
export function columnList(columns: readonly string[]): string {
  for (const c of columns) if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`bad column name ${c}`);
  return columns.map((c) => `"${c}"`).join(', ');
}

export function tableName(table: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(table)) throw new Error(`bad table name ${table}`);
  return table;
}
