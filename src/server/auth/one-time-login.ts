import type { Queryable } from '../../store/db.js';
import { MothershipError } from '../../model/errors.js';
import { newSecret, sha256 } from './secrets.js';

/**
 * One-time login links (the demo prints one so a newcomer lands in the dashboard logged in). Kept in the
 * tokens table, hashed like API tokens, under their own name and prefix: `authenticateToken` only takes
 * `mst_` tokens, so a link can never act as a bearer token, and a bearer token is never a link.
 */
export const ONE_TIME_LOGIN_NAME = 'one-time login link';
export const ONE_TIME_LOGIN_PREFIX = 'mso';
export const ONE_TIME_LOGIN_TTL_MS = 10 * 60_000;

export async function createOneTimeLogin(db: Queryable, userName: string, now = new Date(), ttlMs = ONE_TIME_LOGIN_TTL_MS): Promise<string> {
  const [user] = await db.query<{ id: number }>('select id from users where name = $1 and disabled_at is null', [userName]);
  if (!user) throw new MothershipError('NOT_FOUND', `no active user ${userName}`);
  const token = newSecret(ONE_TIME_LOGIN_PREFIX);
  await db.query('insert into tokens (user_id, token_hash, name, created_at, expires_at) values ($1, $2, $3, $4, $5)',
    [user.id, sha256(token), ONE_TIME_LOGIN_NAME, now, new Date(now.getTime() + ttlMs)]);
  return token;
}

/**
 * Spends a link: one conditional update, so two concurrent uses cannot both win. Returns the user id,
 * or null when the link is unknown, used, expired, or its user disabled.
 */
export async function consumeOneTimeLogin(db: Queryable, token: string, now = new Date()): Promise<number | null> {
  if (!token.startsWith(`${ONE_TIME_LOGIN_PREFIX}_`) || token.length > 200) return null;
  const [row] = await db.query<{ user_id: number }>(
    `update tokens t set revoked_at = $3, last_used_at = $3
     from users u
     where t.token_hash = $1 and t.name = $2 and t.revoked_at is null and t.expires_at > $3 and u.id = t.user_id and u.disabled_at is null
     returning t.user_id`, [sha256(token), ONE_TIME_LOGIN_NAME, now]);
  return row?.user_id ?? null;
}
