import { hostname } from 'node:os';
import { MothershipError } from '../model/errors.js';
import { DEFAULT_LIMITS } from '../intel/limits.js';
import { sniffIntel } from '../intel/sniff.js';
import { download, isUrl } from '../intel/fetch.js';
import { readOsv } from '../intel/osv/read.js';
import { parseKevCatalog } from '../intel/kev/catalog.js';
import { openEpss } from '../intel/epss/feed.js';
import { AdvisoryStager } from '../intel/merge/advisory-stage.js';
import { mergeAdvisories } from '../intel/merge/advisories.js';
import { mergeKev } from '../intel/merge/kev.js';
import { mergeEpss } from '../intel/merge/epss.js';
import { closeInterruptedRuns } from './sync/run.js';
const DEFAULT_DOWNLOAD_BYTES = 4 * 2 ** 30;
async function merge(tx, input, limits, onProgress) {
    switch (input.format) {
        case 'osv': {
            const stager = await AdvisoryStager.create(tx);
            for await (const row of readOsv(input, limits)) {
                await stager.add(row);
                if (onProgress && stager.count % 1000 === 0)
                    onProgress(stager.count);
            }
            await stager.finish();
            const { counts, changes } = await mergeAdvisories(tx, stager, 'osv');
            return { outcome: { format: 'osv', counts, changes }, meta: { shape: input.shape } };
        }
        case 'kev': {
            const catalog = parseKevCatalog(input.doc, input.where);
            return { outcome: { format: 'kev', counts: await mergeKev(tx, catalog) }, meta: { catalogVersion: catalog.version, completeAsOf: catalog.completeAsOf } };
        }
        case 'epss': {
            const feed = await openEpss(input.path, input.where, limits);
            return { outcome: { format: 'epss', counts: await mergeEpss(tx, feed.rows, onProgress) }, meta: { modelVersion: feed.modelVersion, scoreDate: feed.scoreDate } };
        }
    }
}
async function importLocal(db, path, target, options) {
    const started = performance.now();
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const input = await sniffIntel(path, target, limits, options.format);
    const source = `intel:${input.format}`;
    await closeInterruptedRuns(db);
    const [run] = await db.query(`insert into runs (source, status, input, host, pid) values ($1, 'running', $2, $3, $4) returning id`, [source, JSON.stringify({ target, format: input.format }), hostname(), process.pid]);
    const runId = run.id;
    try {
        const outcome = await db.transaction(async (tx) => {
            const { outcome, meta } = await merge(tx, input, limits, options.onProgress);
            const counts = outcome.format === 'osv'
                ? { ...outcome.counts, changedIds: outcome.changes.inserted.length + outcome.changes.updated.length }
                : outcome.counts;
            await tx.query(`update runs set status = 'succeeded', finished_at = now(), counts = $2, input = input || $3::jsonb where id = $1`, [runId, JSON.stringify(counts), JSON.stringify(meta)]);
            return outcome;
        });
        const base = { target, runId, ms: performance.now() - started };
        switch (outcome.format) {
            case 'osv': return { ...base, ...outcome, source: 'intel:osv' };
            case 'kev': return { ...base, ...outcome, source: 'intel:kev' };
            case 'epss': return { ...base, ...outcome, source: 'intel:epss' };
        }
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        await db.query(`update runs set status = 'failed', finished_at = now(), error = $2 where id = $1`, [runId, message]).catch(() => undefined);
        if (e instanceof MothershipError)
            throw e;
        throw new MothershipError('DB', `${target}: intel import run ${runId} failed: ${message}`, { cause: e });
    }
}
/** Imports a local path or an http(s) URL (downloaded to a temporary file first, then removed). */
export async function importIntel(db, target, options = {}) {
    if (!isUrl(target))
        return importLocal(db, target, target, options);
    const file = await download(target, options.maxDownloadBytes ?? DEFAULT_DOWNLOAD_BYTES, options.fetch);
    try {
        return await importLocal(db, file.path, target, options);
    }
    finally {
        await file.remove();
    }
}
//# sourceMappingURL=intel-import.js.map