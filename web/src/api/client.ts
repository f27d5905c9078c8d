/** The dashboard's only way to the server: same-origin fetches with the session cookie and the CSRF token. */
let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  // The server rotates old sessions and hands the new CSRF token over in a header.
  const rotated = res.headers.get('x-csrf-token');
  if (rotated) csrf = rotated;
  if (res.status === 401 && !path.startsWith('/api/v1/auth/')) {
    window.location.assign('/login');
    throw new ApiError(401, 'logged out');
  }
  if (!res.ok) {
    let message = res.statusText;
    try {
      message = ((await res.json()) as { message?: string }).message ?? message;
    } catch { /* not JSON */ }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
};

/** Builds a query string, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** True when an endpoint is not there (yet): pages show an empty state instead of an error. */
export function isMissing(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404;
}
