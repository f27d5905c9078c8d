/**
 * Every date is relative to one fixed snapshot instant, never the clock, so the same seed writes the
 * same bytes on any day.
 */
export const SNAPSHOT_MS = Date.UTC(2025, 0, 15, 9, 30, 0);
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export function daysBeforeSnapshot(days) {
    return SNAPSHOT_MS - Math.round(days * DAY_MS);
}
/** The AWS CLI's timestamp style: `2024-03-05T10:11:12+00:00`. */
export function awsTime(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
/** Go's RFC 3339 style as Trivy prints it: `2024-03-05T10:11:12Z`. */
export function isoZ(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
//# sourceMappingURL=time.js.map