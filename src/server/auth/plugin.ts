import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Db } from '../../store/db.js';
import { allows, type Policy, type Principal } from './principal.js';
import { createSession, revokeSession, SESSION_ROTATE_MS, SESSION_TTL_MS } from './accounts.js';
import { cachedSession, cachedTokenPrincipal } from './principal-cache.js';
import { sameSecret } from './secrets.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; every route must declare one. */
    policy?: Policy;
    /** Form and JSON logins carry no session yet: they are exempt from the CSRF check. */
    csrfExempt?: boolean;
  }
  interface FastifyInstance {
    /** Every route registered and the policy it declared (the route-policy test reads it). */
    routePolicies: RoutePolicy[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The CSRF token of the request's session, when it came with one. */
    csrf: string | null;
    sessionId: string | null;
  }
}

export const SESSION_COOKIE = 'ms_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(reply: FastifyReply, id: string): void {
  void reply.setCookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', path: '/', secure: 'auto', maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Routes declared so far and their policies: the route-policy test reads this. */
export interface RoutePolicy { method: string; url: string; policy: Policy | undefined; schema?: FastifySchema }

/**
 * Authentication and authorization for every route: a bearer token or the session cookie identifies the
 * principal; the route's declared policy decides. A route without a policy cannot be registered.
 */
export async function registerAuth(app: FastifyInstance, db: Db): Promise<RoutePolicy[]> {
  const routes: RoutePolicy[] = [];
  await app.register(fastifyCookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('csrf', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, policy, schema: route.schema });
    if (!policy) throw new Error(`route ${[route.method].flat().join(',')} ${route.url} declares no policy`);
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const config = req.routeOptions.config as { policy?: Policy; csrfExempt?: boolean };
    const policy = config.policy ?? 'admin';
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      req.principal = m ? await cachedTokenPrincipal(db, m[1]!) : null;
      // A bad token is an error, never a silent fall-back to the cookie.
      if (!req.principal) return reply.status(401).header('www-authenticate', 'Bearer').send({ error: 'UNAUTHORIZED', message: 'invalid or expired token' });
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      const session = cookie ? await cachedSession(db, cookie) : null;
      if (session) {
        req.principal = session.principal;
        req.csrf = session.csrf;
        req.sessionId = session.id;
        if (UNSAFE.has(req.method) && !config.csrfExempt) {
          const sent = req.headers['x-csrf-token'] ?? (req.body as { csrf?: unknown } | undefined)?.csrf;
          if (typeof sent !== 'string' || !sameSecret(sent, session.csrf)) {
            return reply.status(403).send({ error: 'FORBIDDEN', message: 'missing or wrong CSRF token (x-csrf-token)' });
          }
        }
        // Rotation: an old session id is replaced on use, so a stolen cookie has a short life.
        if (Date.now() - session.createdAt.getTime() > SESSION_ROTATE_MS) {
          await revokeSession(db, session.id);
          const next = await createSession(db, session.principal.userId);
          setSessionCookie(reply, next.id);
          req.sessionId = next.id;
          req.csrf = next.csrf;
          reply.header('x-csrf-token', next.csrf);
        }
      } else if (cookie) {
        clearSessionCookie(reply);
      }
    }
    if (allows(policy, req.principal)) return;
    if (!req.principal) {
      if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) return reply.redirect('/login', 303);
      return reply.status(401).send({ error: 'UNAUTHORIZED', message: 'log in or send Authorization: Bearer <token>' });
    }
    return reply.status(403).send({ error: 'FORBIDDEN', message: `${req.principal.role} may not ${req.method} ${req.routeOptions.url}` });
  });
  return routes;
}
