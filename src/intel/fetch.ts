import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MothershipError } from '../model/errors.js';

/**
 * Feeds given as http(s) URLs are downloaded to a temporary file first: zips need random access, and a
 * failed download must not leave a half-imported feed. The download is capped at maxBytes.
 */
export interface Download {
  path: string;
  remove(): Promise<void>;
}

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

export async function download(url: string, maxBytes: number, fetchFn: typeof fetch = fetch): Promise<Download> {
  const dir = await mkdtemp(join(tmpdir(), 'mothership-intel-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const name = basename(new URL(url).pathname) || 'download';
    const path = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
    let response: Response;
    try {
      response = await fetchFn(url, { redirect: 'follow' });
    } catch (e) {
      throw new MothershipError('NOT_FOUND', `${url}: download failed: ${(e as Error).message}`, { cause: e });
    }
    if (!response.ok || !response.body) throw new MothershipError('NOT_FOUND', `${url}: download failed: HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new MothershipError('BAD_INPUT', `${url}: ${declared} bytes, above the download limit of ${maxBytes}`);
    let bytes = 0;
    await pipeline(response.body as AsyncIterable<Uint8Array>, async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw new MothershipError('BAD_INPUT', `${url}: larger than the download limit of ${maxBytes} bytes`);
        yield chunk;
      }
    }, createWriteStream(path));
    return { path, remove };
  } catch (e) {
    await remove();
    throw e;
  }
}
