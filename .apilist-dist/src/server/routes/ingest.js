import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MothershipError } from '../../model/errors.js';
import { ingestFile, printable } from '../../pipeline/ingest.js';
import { inScope } from '../../store/queries/tenant-scope.js';
import { requestScope } from '../auth/scope.js';
import { errorSchema } from './api-schemas.js';
import { Type } from './json-schema.js';
/** Largest report accepted in one upload. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** The `mothership ingest --format json` line (docs/contracts.md). */
const ingestLine = Type.obj({
    file: Type.str, type: Type.nstr, assets: Type.int, packages: Type.int, findings: Type.int, new: Type.int, resolved: Type.int, errors: Type.arr(Type.str),
}, { additional: false });
/** A name safe to use inside our own temp directory; parsers may look at the extension (.sarif, .json). */
function safeName(name) {
    const base = (name ?? '').split(/[\\/]/).pop() ?? '';
    const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(-128);
    return cleaned || 'report';
}
function limited(max) {
    let seen = 0;
    return new Transform({
        transform(chunk, _enc, done) {
            seen += chunk.length;
            if (seen > max)
                done(new MothershipError('BAD_INPUT', `upload larger than ${max} bytes`));
            else
                done(null, chunk);
        },
    });
}
/**
 * `POST /api/v1/ingest`: a CI job sends one report as the raw request body (application/octet-stream) with
 * ?filename=&type=&asset=&owner=. It is streamed to a private temp file and ingested like
 * `mothership ingest`; a tenant's upload is owned by its tenant unless it names one of its own owners.
 */
export async function registerIngestRoutes(app, db) {
    // Encapsulated: the raw-body parser applies to this route only.
    await app.register((scoped, _opts, done) => {
        scoped.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
        scoped.post('/api/v1/ingest', {
            config: { policy: 'write' },
            bodyLimit: MAX_UPLOAD_BYTES,
            schema: {
                summary: 'Ingest one scanner report or SBOM (raw body, content-type application/octet-stream)',
                requestContentType: 'application/octet-stream',
                tags: ['ingest'],
                querystring: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        filename: { type: 'string', maxLength: 512, description: 'the report\'s file name (its extension can help detection)' },
                        type: { type: 'string', maxLength: 64, description: 'force a report type instead of sniffing' },
                        asset: { type: 'string', maxLength: 2048, description: 'uid of the asset the report is about' },
                        owner: { type: 'string', maxLength: 512, description: 'owner of what the report describes, when it names none; a tenant\'s default is its tenant' },
                    },
                },
                response: { 200: ingestLine, 400: ingestLine, 415: ingestLine, 401: errorSchema, 403: errorSchema },
            },
        }, async (req, reply) => {
            const principal = req.principal;
            const scope = await requestScope(db, req);
            const owner = req.query.owner ?? (scope.owners === null ? undefined : principal.tenant ?? undefined);
            if (scope.owners !== null && (owner === undefined || !inScope(scope, owner))) {
                return reply.status(403).send({ error: 'FORBIDDEN', message: `owner ${owner ?? '(none)'} is not in tenant ${principal.tenant ?? '(none)'}` });
            }
            if (!req.body || typeof req.body.pipe !== 'function') {
                throw new MothershipError('UNSUPPORTED', 'send the report as the request body with content-type: application/octet-stream');
            }
            const name = req.query.filename ?? 'report';
            const dir = await mkdtemp(join(tmpdir(), 'mothership-upload-'));
            const path = join(dir, safeName(req.query.filename));
            try {
                await pipeline(req.body, limited(MAX_UPLOAD_BYTES), createWriteStream(path, { mode: 0o600 }));
                const r = await ingestFile(db, path, { type: req.query.type, owner, asset: req.query.asset });
                return { file: name, type: r.type, assets: r.counts.assets.seen, packages: r.counts.packages.seen, findings: r.counts.findings.seen,
                    new: r.counts.findings.new, resolved: r.counts.findings.resolved, errors: [] };
            }
            catch (e) {
                if (!(e instanceof MothershipError) || (e.code !== 'BAD_INPUT' && e.code !== 'UNSUPPORTED' && e.code !== 'NOT_FOUND'))
                    throw e;
                // Messages name the file: the client's name, not our temp path.
                const message = printable(e.message.split(path).join(name));
                return reply.status(e.code === 'UNSUPPORTED' ? 415 : 400)
                    .send({ file: name, type: req.query.type ?? null, assets: 0, packages: 0, findings: 0, new: 0, resolved: 0, errors: [message] });
            }
            finally {
                await rm(dir, { recursive: true, force: true });
            }
        });
        done();
    });
}
//# sourceMappingURL=ingest.js.map