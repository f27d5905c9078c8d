import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/db.js';
import { createSession, revokeSession } from '../auth/accounts.js';
import { consumeOneTimeLogin } from '../auth/one-time-login.js';
import { setSessionCookie } from '../auth/plugin.js';

const REFUSED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mothership: link expired</title></head>
<body><h1>This login link has been used or has expired</h1><p>Links work once, for a few minutes. <a href="/login">Log in</a> with the password the demo printed.</p></body></html>`;

/** `GET /auth/once?token=...`: a one-time login link turns into a session and lands on the dashboard. */
export function registerOneTimeLogin(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { token?: string } }>('/auth/once', {
    config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      summary: 'Spend a one-time login link (printed by the demo): sets the session cookie, redirects to the dashboard',
      tags: ['auth'],
      querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } }, additionalProperties: false },
    },
  }, async (req, reply) => {
    const userId = req.query.token ? await consumeOneTimeLogin(db, req.query.token) : null;
    // The link is a secret in a URL: keep it out of caches and of the next page's referrer.
    reply.header('cache-control', 'no-store');
    if (userId === null) return reply.status(401).type('text/html; charset=utf-8').send(REFUSED);
    if (req.sessionId) await revokeSession(db, req.sessionId);
    const session = await createSession(db, userId);
    setSessionCookie(reply, session.id);
    return reply.redirect('/', 303);
  });
}
