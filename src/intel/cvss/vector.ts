/**
 * A CVSS vector string split into its metrics: `CVSS:3.1/AV:N/...` → version `3.1` and a metric map.
 * Returns null for anything that is not well formed (no prefix, a metric given twice, an empty part), so
 * callers can record the vector and leave the score empty rather than fail the whole record.
 */
export interface CvssVector {
  version: string;
  metrics: ReadonlyMap<string, string>;
}

export function splitVector(vector: string): CvssVector | null {
  const parts = vector.trim().split('/');
  const prefix = /^CVSS:(\d\.\d)$/.exec(parts[0] ?? '');
  if (!prefix) return null;
  const metrics = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const m = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (!m || metrics.has(m[1]!)) return null;
    metrics.set(m[1]!, m[2]!);
  }
  return { version: prefix[1]!, metrics };
}
