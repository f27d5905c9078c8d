/** Everything from the store is untrusted text (reports, tags): server-rendered pages escape it all. */
export function escapeHtml(s: unknown): string {
  const text = s === null || s === undefined ? '' : typeof s === 'object' ? JSON.stringify(s) : typeof s === 'string' ? s : JSON.stringify(s) ?? '';
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
