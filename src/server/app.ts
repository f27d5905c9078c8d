import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../store/db.js';
import { VERSION } from '../version.js';
import { registerWebApp } from './routes/web-app.js';
import { registerOneTimeLogin } from './routes/one-time-login.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerFindingRoutes } from './routes/findings.js';
import { registerPathRoutes } from './routes/paths.js';
import { registerAssetRoutes } from './routes/assets.js';
import { registerOwnerRoutes } from './routes/owners.js';
import { registerPostureRoutes } from './routes/posture.js';
import { registerRuleRoutes } from './routes/rules.js';
import { registerRunRoutes } from './routes/runs.js';
import { registerIngestRoutes } from './routes/ingest.js';
import { registerDeploymentRoutes } from './routes/deployments.js';
import { registerQueryRoutes } from './routes/query.js';
import { registerTriageRoutes } from './routes/triage.js';
import { registerSlaRoutes } from './routes/sla.js';
import { registerSuppressionRoutes } from './routes/suppressions.js';
import { registerOpenApiRoutes } from './routes/openapi.js';
import { registerAuth } from './auth/plugin.js';
import { MothershipError } from '../model/errors.js';

export interface ServerOptions {
  db: Db;
  logger?: boolean;
  /** Largest report POST /api/v1/ingest accepts (default MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
  /** The built dashboard (default: dist/web of the package). */
  webDir?: string;
}

const STATUS: Record<MothershipError['code'], number> = {
  BAD_INPUT: 400, UNSUPPORTED: 415, NOT_FOUND: 404, CONFLICT: 409, DB: 503, INTERRUPTED: 503,
};

/** Builds the HTTP server; the caller decides where it listens. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  // One place maps typed errors to HTTP; anything else is a 500 without internals.
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof MothershipError) return reply.status(STATUS[err.code]).send({ error: err.code, message: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.status(status).send({ error: 'BAD_REQUEST', message: (err as Error).message });
    app.log.error(err);
    return reply.status(500).send({ error: 'INTERNAL', message: 'internal error' });
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    // Scripts only from our own files: no inline script, no eval. Inline styles stay allowed (charts set them).
    reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    reply.header('cross-origin-opener-policy', 'same-origin');
  });

  // Before any route: every route declares its policy, and every request is authenticated against it.
  const routePolicies = await registerAuth(app, options.db);
  await registerAuthRoutes(app, options.db);

  app.get('/healthz', { config: { policy: 'public' } }, async () => {
    await options.db.query('select 1');
    return { status: 'ok', backend: options.db.backend };
  });
  app.get('/api/v1/version', { config: { policy: 'public' } }, async () => {
    const rows = await options.db.query<{ v: number }>('select max(version)::int as v from schema_migrations');
    return { name: 'mothership', version: VERSION, schema_version: rows[0]?.v ?? 0, backend: options.db.backend };
  });
  registerOneTimeLogin(app, options.db);
  registerFindingRoutes(app, options.db);
  registerPathRoutes(app, options.db);
  registerAssetRoutes(app, options.db);
  registerOwnerRoutes(app, options.db);
  registerPostureRoutes(app, options.db);
  registerRuleRoutes(app, options.db);
  registerRunRoutes(app, options.db);
  await registerIngestRoutes(app, options.db, { maxUploadBytes: options.maxUploadBytes });
  registerDeploymentRoutes(app, options.db);
  registerQueryRoutes(app, options.db);
  registerTriageRoutes(app, options.db);
  registerSlaRoutes(app, options.db);
  registerSuppressionRoutes(app, options.db);
  registerOpenApiRoutes(app);
  registerWebApp(app, { dir: options.webDir });
  app.decorate('routePolicies', routePolicies);
  return app;
}
