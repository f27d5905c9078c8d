import type { Queryable } from '../../store/db.js';
import { badInput, MothershipError } from '../../model/errors.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { isRole, roleAtMost, type Principal, type Role } from './principal.js';
import { newSecret, sha256 } from './secrets.js';

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface NewUser {
  name: string;
  role: Role;
  /** Owning team (tenant) of a member or viewer. */
  tenant?: string | null;
  password?: string | null;
}

interface UserRow { id: number; name: string; role: Role; tenant_id: string | null; password_hash: string | null; disabled_at: Date | null }

function checkUser(u: NewUser): void {
  if (!USER_NAME.test(u.name)) throw badInput('user name', `"${u.name}" must be 1-64 letters, digits, . _ @ -, starting with a letter or digit`);
  if (!isRole(u.role)) throw badInput('role', `"${String(u.role)}" is not one of admin, analyst, member, viewer`);
  if (u.role === 'member' && !u.tenant) throw badInput('tenant', 'a member belongs to a tenant (--tenant <owning team>)');
  if ((u.role === 'admin' || u.role === 'analyst') && u.tenant) throw badInput('tenant', `an ${u.role} sees every tenant; give no tenant`);
  if (u.password !== undefined && u.password !== null && u.password.length < MIN_PASSWORD_LENGTH) {
    throw badInput('password', `at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

/** A tenant is an owning team: its id is the owner id whose findings and assets it sees. */
async function ensureTenant(db: Queryable, tenant: string): Promise<void> {
  await db.query(`insert into tenants (id, name) values ($1, coalesce((select name from owners where id = $1), $1))
                  on conflict (id) do nothing`, [tenant]);
}

export async function addUser(db: Queryable, u: NewUser): Promise<{ id: number }> {
  checkUser(u);
  if (u.tenant) await ensureTenant(db, u.tenant);
  const hash = u.password ? await hashPassword(u.password) : null;
  const rows = await db.query<{ id: number }>(
    `insert into users (name, role, tenant_id, password_hash) values ($1, $2, $3, $4)
     on conflict (name) do nothing returning id`, [u.name, u.role, u.tenant ?? null, hash]);
  if (!rows[0]) throw new MothershipError('CONFLICT', `user ${u.name} already exists`);
  return rows[0];
}

async function userByName(db: Queryable, name: string): Promise<UserRow | undefined> {
  const [u] = await db.query<UserRow>('select id, name, role, tenant_id, password_hash, disabled_at from users where name = $1', [name]);
  return u;
}

export interface NewToken { user: string; name?: string; role?: Role; tenant?: string; expiresAt?: Date }

/** Issues an API token; the token itself is returned once and only its hash is stored. */
export async function createToken(db: Queryable, t: NewToken): Promise<string> {
  const user = await userByName(db, t.user);
  if (!user || user.disabled_at) throw new MothershipError('NOT_FOUND', `no active user ${t.user}`);
  if (t.role && !roleAtMost(t.role, user.role)) throw badInput('role', `a token of ${user.name} (${user.role}) cannot act as ${t.role}`);
  if (t.tenant && user.tenant_id && t.tenant !== user.tenant_id) throw badInput('tenant', `${user.name} is confined to tenant ${user.tenant_id}`);
  if (t.tenant) await ensureTenant(db, t.tenant);
  const token = newSecret('mst');
  await db.query('insert into tokens (user_id, token_hash, name, role, tenant_id, expires_at) values ($1, $2, $3, $4, $5, $6)',
    [user.id, sha256(token), t.name ?? null, t.role ?? null, t.tenant ?? null, t.expiresAt ?? null]);
  return token;
}

/** The principal a bearer token acts as, or null when unknown, revoked, expired or its user disabled. */
export async function authenticateToken(db: Queryable, token: string, now = new Date()): Promise<Principal | null> {
  return (await tokenPrincipal(db, token, now))?.principal ?? null;
}

/** authenticateToken, with when the token expires (null: never), for callers that keep the answer a while. */
export async function tokenPrincipal(db: Queryable, token: string, now = new Date()): Promise<{ principal: Principal; expiresAt: Date | null } | null> {
  if (!token.startsWith('mst_') || token.length > 200) return null;
  const [row] = await db.query<{ id: number; user_id: number; name: string; role: Role; tenant: string | null; last_used_at: Date | null; expires_at: Date | null }>(
    `select t.id, u.id as user_id, u.name, coalesce(t.role, u.role) as role, coalesce(t.tenant_id, u.tenant_id) as tenant, t.last_used_at, t.expires_at
     from tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2) and u.disabled_at is null`,
    [sha256(token), now]);
  if (!row) return null;
  // Last use to the minute is enough, and spares a write per request.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.query('update tokens set last_used_at = $2 where id = $1', [row.id, now]);
  }
  return { principal: { userId: row.user_id, name: row.name, role: row.role, tenant: row.tenant, via: 'token' },
    expiresAt: row.expires_at ? new Date(row.expires_at) : null };
}

export const SESSION_TTL_MS = 12 * 3600_000;
/** A session is re-issued (new id, old one revoked) once it is this old, bounding a stolen cookie's life. */
export const SESSION_ROTATE_MS = 15 * 60_000;

export interface Session { id: string; csrf: string; principal: Principal; createdAt: Date; expiresAt: Date }

export async function createSession(db: Queryable, userId: number, now = new Date()): Promise<{ id: string; csrf: string }> {
  const id = newSecret('mss');
  const csrf = newSecret('csrf', 24);
  await db.query('insert into sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) values ($1, $2, $3, $4, $5, $4)',
    [sha256(id), userId, csrf, now, new Date(now.getTime() + SESSION_TTL_MS)]);
  return { id, csrf };
}

export async function resolveSession(db: Queryable, id: string, now = new Date()): Promise<Session | null> {
  if (!id.startsWith('mss_') || id.length > 200) return null;
  const [row] = await db.query<{ user_id: number; name: string; role: Role; tenant_id: string | null; csrf_token: string; created_at: Date; expires_at: Date }>(
    `select u.id as user_id, u.name, u.role, u.tenant_id, s.csrf_token, s.created_at, s.expires_at
     from sessions s join users u on u.id = s.user_id
     where s.id_hash = $1 and s.revoked_at is null and s.expires_at > $2 and u.disabled_at is null`, [sha256(id), now]);
  if (!row) return null;
  return { id, csrf: row.csrf_token, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at),
    principal: { userId: row.user_id, name: row.name, role: row.role, tenant: row.tenant_id, via: 'session' } };
}

export async function revokeSession(db: Queryable, id: string, now = new Date()): Promise<void> {
  await db.query('update sessions set revoked_at = $2 where id_hash = $1 and revoked_at is null', [sha256(id), now]);
}

/** Logins refused after this many failures for one name within the window, until the window passes. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export class LoginRefused extends Error {
  constructor(readonly reason: 'invalid' | 'locked', readonly retryAfterSeconds = 0) {
    super(reason === 'locked' ? 'too many failed logins; try again later' : 'invalid user name or password');
  }
}

// Verifying against a real hash when the user does not exist keeps timing from telling names apart.
let decoy: Promise<string> | undefined;

/** Checks a password login, counting failures per name; returns the user id. */
export async function checkLogin(db: Queryable, name: string, password: string, now = new Date()): Promise<number> {
  const key = name.toLowerCase().slice(0, 64);
  const [attempt] = await db.query<{ failures: number; window_start: Date; locked_until: Date | null }>(
    'select failures, window_start, locked_until from login_attempts where key = $1', [key]);
  if (attempt?.locked_until && new Date(attempt.locked_until) > now) {
    throw new LoginRefused('locked', Math.ceil((new Date(attempt.locked_until).getTime() - now.getTime()) / 1000));
  }
  const user = await userByName(db, name);
  decoy ??= hashPassword(newSecret('decoy'));
  const ok = user && !user.disabled_at ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await decoy, password), false);
  if (ok && user) {
    await db.query('delete from login_attempts where key = $1', [key]);
    return user.id;
  }
  await db.query(
    `insert into login_attempts (key, failures, window_start) values ($1, 1, $2)
     on conflict (key) do update set
       failures = case when login_attempts.window_start < $2::timestamptz - $3::interval then 1 else login_attempts.failures + 1 end,
       window_start = case when login_attempts.window_start < $2::timestamptz - $3::interval then $2 else login_attempts.window_start end,
       locked_until = case when login_attempts.window_start >= $2::timestamptz - $3::interval and login_attempts.failures + 1 >= $4
                           then $2::timestamptz + $3::interval else null end`,
    [key, now, `${LOGIN_WINDOW_MS / 1000} seconds`, LOGIN_MAX_FAILURES]);
  throw new LoginRefused('invalid');
}

/** First run: with no user at all, creates `admin` with a random password, returned once. */
export async function ensureInitialAdmin(db: Queryable): Promise<string | null> {
  const [any] = await db.query('select 1 from users limit 1');
  if (any) return null;
  const password = newSecret('pw', 18).slice(3);
  await addUser(db, { name: 'admin', role: 'admin', password });
  return password;
}

/** Sets (or replaces) a user's password. */
export async function setPassword(db: Queryable, name: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw badInput('password', `at least ${MIN_PASSWORD_LENGTH} characters`);
  const rows = await db.query('update users set password_hash = $2 where name = $1 returning id', [name, await hashPassword(password)]);
  if (!rows[0]) throw new MothershipError('NOT_FOUND', `no user ${name}`);
}

/** Owners (teams) whose data a tenant sees: the owner with the tenant's id and owners mapped to it. */
export async function tenantOwners(db: Queryable, tenant: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from owners where id = $1 or tenant_id = $1 union select $1', [tenant]);
  return rows.map((r) => r.id);
}
