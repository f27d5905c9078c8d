import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { MothershipError } from '../../model/errors.js';

/** Where `vite build` puts the dashboard: dist/web under the package root (found from src/ or dist/src/). */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'server'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'dist', 'web');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
};
/** Built file names: hashed, flat, no path separators or dot-dot. */
const STATIC_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mothership</title></head>
<body><h1>Mothership</h1><p>The dashboard is not built: run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * The dashboard: hashed files under /static/ (public, cached for a year, immutable), and index.html for
 * every other page path (login required: a browser without a session is sent to /login). The SPA itself
 * reads everything through /api/v1 with the session cookie.
 */
export function registerWebApp(app: FastifyInstance, options: { dir?: string } = {}): void {
  const dir = options.dir ?? defaultWebDir();
  const files = new Map<string, Buffer | null>();
  const file = (name: string): Buffer | null => {
    if (!files.has(name)) {
      const path = join(dir, 'static', name);
      files.set(name, existsSync(path) ? readFileSync(path) : null);
    }
    return files.get(name)!;
  };
  let index: string | undefined;

  app.get<{ Params: { '*': string } }>('/static/*', {
    config: { policy: 'public' },
    schema: { summary: 'The dashboard\'s built files (hashed names)', tags: ['web'] },
  }, (req, reply) => {
    const name = req.params['*'];
    const body = STATIC_NAME.test(name) ? file(name) : null;
    if (!body) throw new MothershipError('NOT_FOUND', 'no such file');
    return reply.type(TYPES[extname(name)] ?? 'application/octet-stream').header('cache-control', 'public, max-age=31536000, immutable').send(body);
  });

  const page = (req: { url: string }, reply: FastifyReply) => {
    // Unknown API paths stay JSON errors; only page paths get the app.
    if (/^\/(api|static|auth)(\/|$)/.test(req.url)) throw new MothershipError('NOT_FOUND', `no route ${req.url.split('?')[0]}`);
    index ??= existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html'), 'utf8') : undefined;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index ?? NOT_BUILT);
  };
  const pageSchema = { summary: 'The dashboard (index.html); the page itself is drawn in the browser', tags: ['web'] };
  app.get('/', { config: { policy: 'read' }, schema: pageSchema }, page);
  app.get('/*', { config: { policy: 'read' }, schema: pageSchema }, page);
}
