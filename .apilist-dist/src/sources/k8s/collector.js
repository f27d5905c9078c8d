import http from 'node:http';
import https from 'node:https';
import { MAX_JSON_BYTES, parseUntrustedJson } from '../json.js';
import { K8S_KINDS, listPath } from './kinds.js';
import { parseListDocument, StatusDocument, statusError } from './list.js';
import { blankValues, VALUE_KINDS } from './properties.js';
class RequestError extends Error {
}
/**
 * One GET with client-node's TLS, credentials and agent, read as raw JSON: its typed clients turn
 * timestamps into Dates, rename `continue` to `_continue` and drop fields their models lack, so the items
 * would no longer be what `kubectl get -o json` prints (and a dump of the run would not re-import as equal).
 * client-node retries nothing; getWithRetry does.
 */
async function get(target, path, timeoutMs) {
    const url = new URL(target.server + path);
    const options = await target.requestOptions();
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
        const req = transport.request(url, { ...options, method: 'GET', headers: { ...options.headers, Accept: 'application/json' }, timeout: timeoutMs }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (c) => {
                size += c.length;
                if (size > MAX_JSON_BYTES)
                    req.destroy(new RequestError(`response larger than ${MAX_JSON_BYTES} bytes`));
                else
                    chunks.push(c);
            });
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                const where = `${target.context}: GET ${url.pathname}`;
                let body;
                try {
                    body = text.trim() === '' ? null : parseUntrustedJson(text, where);
                }
                catch (e) {
                    if ((res.statusCode ?? 0) < 300)
                        return reject(e instanceof Error ? e : new Error(String(e)));
                    body = text.slice(0, 300); // a proxy's HTML error page: its status code says enough
                }
                const retryAfter = Number(res.headers['retry-after']);
                resolve({ status: res.statusCode ?? 0, body, ...(Number.isFinite(retryAfter) ? { retryAfter } : {}) });
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new RequestError(`no answer in ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
    });
}
const RETRIABLE = new Set([429, 500, 502, 503, 504]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** GET with a few retries on throttling, server errors and dropped connections. */
async function getWithRetry(target, path, timeoutMs, attempts = 3) {
    for (let i = 1;; i++) {
        try {
            const r = await get(target, path, timeoutMs);
            if (!RETRIABLE.has(r.status) || i >= attempts)
                return r;
            await sleep(Math.min(10_000, (r.retryAfter ?? 0) * 1000 || 250 * 2 ** i));
        }
        catch (e) {
            if (i >= attempts)
                throw e;
            await sleep(250 * 2 ** i);
        }
    }
}
function failure(r) {
    const status = StatusDocument.safeParse(r.body);
    if (status.success)
        return statusError({ ...status.data, code: status.data.code ?? r.status });
    return `HTTP ${r.status}${typeof r.body === 'string' && r.body ? `: ${r.body}` : ''}`;
}
/**
 * Lists one kind cluster-wide, page by page (limit/continue). A refusal (403, ...) is a failed listing,
 * not an error: the other kinds go on. An expired continue token (410) restarts the list once.
 */
export async function listKind(target, k, options = {}) {
    const pageSize = options.pageSize ?? 500;
    const timeoutMs = options.timeoutMs ?? 60_000;
    for (let restart = 0;; restart++) {
        const items = [];
        let token = '';
        let expired = false;
        try {
            do {
                const query = new URLSearchParams({ limit: String(pageSize), ...(token ? { continue: token } : {}) });
                const path = `${listPath(k)}?${query.toString()}`;
                const r = await getWithRetry(target, path, timeoutMs);
                if (r.status === 410 && token && restart === 0) {
                    expired = true;
                    break;
                }
                if (r.status < 200 || r.status >= 300)
                    return { status: 'failed', error: failure(r) };
                const page = parseListDocument(r.body, k, `${target.context}: GET ${path}`);
                if (page.status === 'failed')
                    return page;
                for (const item of page.items)
                    items.push(VALUE_KINDS.has(k.name) ? blankValues(item) : item);
                const meta = r.body.metadata;
                token = typeof meta?.continue === 'string' ? meta.continue : '';
            } while (token);
        }
        catch (e) {
            return { status: 'failed', error: e.message };
        }
        if (!expired)
            return { status: 'ok', items };
        options.log?.(`${target.context}: ${k.resource}: continue token expired, listing again`);
    }
}
/** Every kind of one cluster, `concurrency` lists at a time. */
export async function collectCluster(target, options = {}) {
    const queue = [...K8S_KINDS];
    const out = new Map();
    const worker = async () => {
        for (let k = queue.shift(); k; k = queue.shift()) {
            const listing = await listKind(target, k, options);
            if (listing.status === 'failed')
                options.log?.(`${target.context}: ${k.resource}: ${listing.error}`);
            out.set(k.name, listing);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
    return out;
}
//# sourceMappingURL=collector.js.map