import type { Queryable } from '../../store/db.js';
import { ReadCache } from '../read-cache.js';
import { resolveSession, tokenPrincipal, type Session } from './accounts.js';
import type { Principal } from './principal.js';
import { sha256 } from './secrets.js';

/**
 * Who a bearer token or session cookie is, remembered for a few seconds so a request does not pay the
 * lookup (and a 50-client burst does not run it 50 times). Safe because of how ReadCache keys entries on
 * the data version: revoking a token, logging out, disabling a user or remapping a tenant's owners is a
 * write, and no answer read before a write is served after it, in this process. A revocation made by
 * another process (a CLI against the same PostgreSQL) takes effect within PRINCIPAL_TTL_MS. Unknown
 * tokens are not remembered: they cost a lookup each, as before.
 */
export const PRINCIPAL_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const tokens = new ReadCache<{ principal: Principal; expiresAt: Date | null } | null>({ ttlMs: PRINCIPAL_TTL_MS, maxEntries: MAX_ENTRIES });
const sessions = new ReadCache<Session | null>({ ttlMs: PRINCIPAL_TTL_MS, maxEntries: MAX_ENTRIES });

/** Negative answers live no time at all: the entry is dropped on the next look. */
const expiry = (v: { expiresAt: Date | null } | null): number | null => (v ? (v.expiresAt?.getTime() ?? null) : 0);

export async function cachedTokenPrincipal(db: Queryable, token: string): Promise<Principal | null> {
  if (!token.startsWith('mst_') || token.length > 200) return null;
  const found = await tokens.get(db, sha256(token), () => tokenPrincipal(db, token), expiry);
  // The entry may have been filled a few seconds ago: an expiry in between still counts.
  if (!found || (found.expiresAt && found.expiresAt.getTime() <= Date.now())) return null;
  return found.principal;
}

export async function cachedSession(db: Queryable, id: string): Promise<Session | null> {
  if (!id.startsWith('mss_') || id.length > 200) return null;
  const found = await sessions.get(db, sha256(id), () => resolveSession(db, id), expiry);
  if (!found || found.expiresAt.getTime() <= Date.now()) return null;
  return found;
}

/** Forgets every remembered principal (tests). */
export function clearPrincipalCache(): void {
  tokens.clear();
  sessions.clear();
}
