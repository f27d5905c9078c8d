-- Authentication: sessions, and tokens scoped to a role and tenant of their own.

create table sessions (
  id_hash       text primary key,
  user_id       bigint not null references users(id),
  csrf_token    text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  last_seen_at  timestamptz not null default now(),
  revoked_at    timestamptz
);
comment on table sessions is 'Dashboard login sessions; only a hash of the session id (the cookie) is stored.';
comment on column sessions.id_hash is 'SHA-256 of the session id carried by the HttpOnly cookie.';
comment on column sessions.user_id is 'The logged-in user.';
comment on column sessions.csrf_token is 'Token state-changing requests made with the cookie must echo in x-csrf-token.';
comment on column sessions.created_at is 'When the session was created (login or rotation).';
comment on column sessions.expires_at is 'Absolute expiry; the session is refused after it.';
comment on column sessions.last_seen_at is 'Last request made with the session.';
comment on column sessions.revoked_at is 'When revoked (logout, rotation, user disabled); null while valid.';
create index sessions_user_idx on sessions (user_id);

alter table tokens add column role text check (role in ('admin', 'analyst', 'member', 'viewer'));
alter table tokens add column tenant_id text references tenants(id);
comment on column tokens.role is 'Role the token acts with: at most its user''s role; null means the user''s role.';
comment on column tokens.tenant_id is 'Tenant the token is confined to; null means the user''s tenant.';

create table login_attempts (
  key           text primary key,
  failures      integer not null,
  window_start  timestamptz not null,
  locked_until  timestamptz
);
comment on table login_attempts is 'Failed logins per user name, for rate limiting that survives restarts and spans server processes.';
comment on column login_attempts.key is 'Lower-cased user name.';
comment on column login_attempts.failures is 'Failures in the current window.';
comment on column login_attempts.window_start is 'Start of the current window.';
comment on column login_attempts.locked_until is 'Logins for this name are refused until then.';
