import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Db } from '../../store/db.js';
import { checkLogin, createSession, LoginRefused, revokeSession } from '../auth/accounts.js';
import { clearSessionCookie, setSessionCookie } from '../auth/plugin.js';
import { escapeHtml } from './html.js';

/** Per client address, on top of the per-name lockout in the store. */
const LOGIN_RATE = { max: 30, timeWindow: '1 minute' };

function loginPage(message: string | null): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mothership: log in</title>
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto}label{display:block;margin:.6rem 0}input{width:100%;padding:.4rem}</style></head>
<body><h1>Mothership</h1>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/login"><label>User <input name="name" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Log in</button></form></body></html>`;
}

function credentials(body: unknown): { name: string; password: string } | null {
  const b = body as { name?: unknown; password?: unknown } | null;
  return b && typeof b.name === 'string' && typeof b.password === 'string' ? { name: b.name, password: b.password } : null;
}

async function login(db: Db, req: FastifyRequest, reply: FastifyReply): Promise<{ csrf: string } | LoginRefused> {
  const c = credentials(req.body);
  if (!c) return new LoginRefused('invalid');
  try {
    const userId = await checkLogin(db, c.name, c.password);
    // A new session at every login: a session id planted before login is never promoted.
    if (req.sessionId) await revokeSession(db, req.sessionId);
    const session = await createSession(db, userId);
    setSessionCookie(reply, session.id);
    return { csrf: session.csrf };
  } catch (e) {
    if (e instanceof LoginRefused) return e;
    throw e;
  }
}

export async function registerAuthRoutes(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(rateLimit, { global: false });
  // HTML forms post urlencoded; parsed into a null-prototype object (no prototype pollution).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
    const out = Object.create(null) as Record<string, string>;
    for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
    done(null, out);
  });

  app.get('/login', { config: { policy: 'public' } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(loginPage(null)));

  app.post('/login', { config: { policy: 'public', csrfExempt: true, rateLimit: LOGIN_RATE } }, async (req, reply) => {
    const r = await login(db, req, reply);
    if (r instanceof LoginRefused) return reply.status(r.reason === 'locked' ? 429 : 401).type('text/html; charset=utf-8').send(loginPage(r.message));
    return reply.redirect('/', 303);
  });

  app.post('/api/v1/auth/login', { config: { policy: 'public', csrfExempt: true, rateLimit: LOGIN_RATE } }, async (req, reply) => {
    const r = await login(db, req, reply);
    if (r instanceof LoginRefused) {
      if (r.reason === 'locked') reply.header('retry-after', String(r.retryAfterSeconds));
      return reply.status(r.reason === 'locked' ? 429 : 401).send({ error: r.reason === 'locked' ? 'LOCKED' : 'UNAUTHORIZED', message: r.message });
    }
    return { csrf_token: r.csrf };
  });

  const logout = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.sessionId) await revokeSession(db, req.sessionId);
    clearSessionCookie(reply);
  };
  app.post('/api/v1/auth/logout', { config: { policy: 'read' } }, async (req, reply) => {
    await logout(req, reply);
    return { logged_out: true };
  });
  app.post('/logout', { config: { policy: 'read' } }, async (req, reply) => {
    await logout(req, reply);
    return reply.redirect('/login', 303);
  });

  app.get('/api/v1/me', { config: { policy: 'read' } }, (req, reply) => {
    const p = req.principal!;
    return reply.send({ name: p.name, role: p.role, tenant: p.tenant, via: p.via, csrf_token: req.csrf });
  });
}
