import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../version.js';
import type { RoutePolicy } from '../auth/plugin.js';
import { escapeHtml } from './html.js';

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document and /api/docs. */
    summary?: string;
    description?: string;
    tags?: string[];
    /** The request body's media type when it is not JSON (an upload). */
    requestContentType?: string;
  }
}

type Json = Record<string, unknown>;

interface Operation { method: string; path: string; policy: string; summary: string; op: Json }

/** `/api/v1/assets/:uid` → `/api/v1/assets/{uid}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: Json | undefined, where: 'query' | 'path'): Json[] {
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

function responses(schema: Record<string, Json> | undefined): Json {
  const out: Json = {};
  for (const [status, s] of Object.entries(schema ?? { 200: {} })) {
    const { description, ...rest } = s;
    out[status] = { description: (description as string | undefined) ?? (status.startsWith('2') ? 'OK' : 'error'), content: { 'application/json': { schema: rest } } };
  }
  return out;
}

function operations(routes: readonly RoutePolicy[]): Operation[] {
  return routes
    .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'))
    .map((r) => {
      const s = (r.schema ?? {}) as Json & { querystring?: Json; params?: Json; body?: Json; response?: Record<string, Json>; summary?: string; tags?: string[]; requestContentType?: string };
      const op: Json = {
        operationId: `${r.method.toLowerCase()}${r.url.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
        summary: s.summary ?? `${r.method} ${r.url}`,
        tags: s.tags ?? [],
        'x-mothership-policy': r.policy,
        security: r.policy === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
        parameters: [...parameters(s.params, 'path'), ...parameters(s.querystring, 'query')],
        responses: responses(s.response),
      };
      if (s.body) op.requestBody = { required: true, content: { 'application/json': { schema: s.body } } };
      else if (s.requestContentType) op.requestBody = { required: true, content: { [s.requestContentType]: { schema: { type: 'string', format: 'binary' } } } };
      return { method: r.method, path: openApiPath(r.url), policy: r.policy ?? 'admin', summary: op.summary as string, op };
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** An OpenAPI 3.1 document built from the schemas the routes declare (and validate with). */
export function openApiDocument(routes: readonly RoutePolicy[]): Json {
  const paths: Record<string, Json> = {};
  for (const o of operations(routes)) (paths[o.path] ??= {})[o.method.toLowerCase()] = o.op;
  return {
    openapi: '3.1.0',
    info: { title: 'Mothership API', version: VERSION, description: 'See docs/api.md. Lists return {"items": [...], "next_cursor": ...}.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'an API token (mothership tokens create)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ms_session', description: 'the browser session; unsafe methods also need x-csrf-token' },
      },
    },
    paths,
  };
}

function docsPage(routes: readonly RoutePolicy[]): string {
  const rows = operations(routes).map((o) =>
    `<tr><td><code>${escapeHtml(o.method)}</code></td><td><code>${escapeHtml(o.path)}</code></td><td>${escapeHtml(o.policy)}</td><td>${escapeHtml(o.summary)}</td></tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mothership API</title></head>
<body><h1>Mothership API</h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Authenticate with
<code>Authorization: Bearer &lt;token&gt;</code> or the session cookie (then send <code>x-csrf-token</code> on POST).</p>
<table><thead><tr><th>method</th><th>path</th><th>policy</th><th>what</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}

export function registerOpenApiRoutes(app: FastifyInstance): void {
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { summary: 'This OpenAPI 3.1 document', tags: ['meta'] } },
    () => openApiDocument(app.routePolicies));
  app.get('/api/docs', { config: { policy: 'public' }, schema: { summary: 'The operations, as a page', tags: ['meta'] } },
    (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(app.routePolicies)));
}
