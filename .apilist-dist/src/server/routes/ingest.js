import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { badInput, MothershipError } from '../../model/errors.js';
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
/** An upload over the size limit: answered 413, whichever way it was sent. */
class UploadTooLarge extends Error {
    max;
    file;
    constructor(max, file) {
        super(`upload larger than ${max} bytes`);
        this.max = max;
        this.file = file;
    }
}
function limited(max) {
    let seen = 0;
    return new Transform({
        transform(chunk, _enc, done) {
            seen += chunk.length;
            if (seen > max)
                done(new UploadTooLarge(max));
            else
                done(null, chunk);
        },
    });
}
const FORM_FIELDS = new Set(['type', 'asset', 'owner']);
/**
 * A multipart/form-data upload: the report in the part named `file`, optional fields type, asset, owner
 * (each also accepted in the query; the form wins). Fields may follow the file, so the file is written
 * out first and the form is complete before anything is decided.
 */
async function receiveForm(req, dir, max) {
    const fields = {};
    let file;
    for await (const part of req.parts()) {
        if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
                part.file.resume();
                throw badInput(`form part ${part.fieldname}`, 'send exactly one file, in the part named "file"');
            }
            const path = join(dir, safeName(part.filename));
            await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
            if (part.file.truncated)
                throw new UploadTooLarge(max, part.filename || undefined);
            file = { path, name: part.filename || req.query.filename || 'report' };
        }
        else if (FORM_FIELDS.has(part.fieldname)) {
            fields[part.fieldname] = String(part.value);
        }
        else {
            throw badInput(`form field ${part.fieldname}`, 'not one of file, type, asset, owner');
        }
    }
    if (!file)
        throw badInput('form part file', 'a multipart upload needs the report in a part named "file"');
    return { ...file, type: fields.type ?? req.query.type, asset: fields.asset ?? req.query.asset, owner: fields.owner ?? req.query.owner };
}
/**
 * `POST /api/v1/ingest`: a CI job sends one report, either as the raw request body
 * (application/octet-stream, with ?filename=&type=&asset=&owner=) or as a multipart/form-data upload (part
 * `file`, optional fields type, asset, owner). It is streamed to a private temp file, with a size limit
 * (413 beyond it), and ingested like `mothership ingest`; a tenant's upload is owned by its tenant unless
 * it names one of its own owners.
 */
export async function registerIngestRoutes(app, db, options = {}) {
    const max = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    // Encapsulated: the raw-body and multipart parsers apply to this route only.
    await app.register(async (scoped) => {
        await scoped.register(multipart, { limits: { fileSize: max, files: 1, fields: FORM_FIELDS.size, fieldSize: 4096, parts: FORM_FIELDS.size + 1 } });
        scoped.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
        scoped.post('/api/v1/ingest', {
            config: { policy: 'write' },
            bodyLimit: max,
            schema: {
                summary: 'Ingest one scanner report or SBOM (raw body as application/octet-stream, or multipart/form-data with a part named file)',
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
                response: { 200: ingestLine, 400: ingestLine, 415: ingestLine, 401: errorSchema, 403: errorSchema, 413: errorSchema },
            },
        }, async (req, reply) => {
            const principal = req.principal;
            const scope = await requestScope(db, req);
            const ownerOf = (named) => named ?? (scope.owners === null ? undefined : principal.tenant ?? undefined);
            const forbidden = (owner) => scope.owners !== null && (owner === undefined || !inScope(scope, owner));
            const refuse = (owner) => reply.status(403).send({ error: 'FORBIDDEN', message: `owner ${owner ?? '(none)'} is not in tenant ${principal.tenant ?? '(none)'}` });
            const form = req.isMultipart();
            // A raw body is refused before it is read; a form's owner may come after its file.
            if (!form && forbidden(ownerOf(req.query.owner)))
                return refuse(ownerOf(req.query.owner));
            if (!form && (!req.body || typeof req.body.pipe !== 'function')) {
                throw new MothershipError('UNSUPPORTED', 'send the report as the request body with content-type: application/octet-stream, or as multipart/form-data');
            }
            let name = req.query.filename ?? 'report';
            let type = req.query.type;
            const dir = await mkdtemp(join(tmpdir(), 'mothership-upload-'));
            let path = join(dir, safeName(req.query.filename));
            try {
                let got;
                if (form) {
                    got = await receiveForm(req, dir, max);
                }
                else {
                    await pipeline(req.body, limited(max), createWriteStream(path, { mode: 0o600 }));
                    got = { path, name, type: req.query.type, asset: req.query.asset, owner: req.query.owner };
                }
                ({ path, name, type } = got);
                const owner = ownerOf(got.owner);
                if (forbidden(owner))
                    return refuse(owner);
                const r = await ingestFile(db, path, { type: got.type, owner, asset: got.asset });
                return { file: name, type: r.type, assets: r.counts.assets.seen, packages: r.counts.packages.seen, findings: r.counts.findings.seen,
                    new: r.counts.findings.new, resolved: r.counts.findings.resolved, errors: [] };
            }
            catch (e) {
                if (e instanceof UploadTooLarge || e.statusCode === 413) {
                    const file = e instanceof UploadTooLarge && e.file ? e.file : name;
                    return reply.status(413).send({ error: 'TOO_LARGE', message: `${file}: upload larger than ${max} bytes` });
                }
                if (!(e instanceof MothershipError) || (e.code !== 'BAD_INPUT' && e.code !== 'UNSUPPORTED' && e.code !== 'NOT_FOUND'))
                    throw e;
                // Messages name the file: the client's name, not our temp path.
                const message = printable(e.message.split(path).join(name));
                return reply.status(e.code === 'UNSUPPORTED' ? 415 : 400)
                    .send({ file: name, type: type ?? null, assets: 0, packages: 0, findings: 0, new: 0, resolved: 0, errors: [message] });
            }
            finally {
                await rm(dir, { recursive: true, force: true });
            }
        });
    });
}
//# sourceMappingURL=ingest.js.map