
export { severityFromScore } from '../../findings/severity.js';

/** `"7.5"` or `7.5` → 7.5; anything else (empty, NaN, out of 0–10) → undefined. */
export function scoreOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
}
