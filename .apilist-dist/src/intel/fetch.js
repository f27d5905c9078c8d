import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MothershipError } from '../model/errors.js';
export function isUrl(target) {
    return /^https?:\/\//i.test(target);
}
export async function download(url, maxBytes, fetchFn = fetch) {
    const dir = await mkdtemp(join(tmpdir(), 'mothership-intel-'));
    const remove = () => rm(dir, { recursive: true, force: true });
    try {
        const name = basename(new URL(url).pathname) || 'download';
        const path = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
        let response;
        try {
            response = await fetchFn(url, { redirect: 'follow' });
        }
        catch (e) {
            throw new MothershipError('NOT_FOUND', `${url}: download failed: ${e.message}`, { cause: e });
        }
        if (!response.ok || !response.body)
            throw new MothershipError('NOT_FOUND', `${url}: download failed: HTTP ${response.status}`);
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (declared > maxBytes)
            throw new MothershipError('BAD_INPUT', `${url}: ${declared} bytes, above the download limit of ${maxBytes}`);
        let bytes = 0;
        await pipeline(response.body, async function* (source) {
            for await (const chunk of source) {
                bytes += chunk.length;
                if (bytes > maxBytes)
                    throw new MothershipError('BAD_INPUT', `${url}: larger than the download limit of ${maxBytes} bytes`);
                yield chunk;
            }
        }, createWriteStream(path));
        return { path, remove };
    }
    catch (e) {
        await remove();
        throw e;
    }
}
//# sourceMappingURL=fetch.js.map