import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../../sources/json.js';
import type { IntelLimits } from '../limits.js';
import { ZipReader } from '../zip/reader.js';
import { advisoryFromOsv, type AdvisoryRow } from './advisory.js';

/**
 * OSV records from the three shapes OSV publishes: one record file, a directory of them (a clone of an
 * advisory repository; walked, `.json` files only, symbolic links not followed), or a zip export
 * (`all.zip`, `<Ecosystem>/all.zip`). Records are yielded one at a time, so memory stays bounded by the
 * largest record whatever the size of the export. Any malformed record stops the import with its name.
 */
export type OsvShape = 'record' | 'directory' | 'zip';

const isJson = (name: string): boolean => name.toLowerCase().endsWith('.json');

async function readDocument(path: string, where: string, limits: IntelLimits): Promise<unknown> {
  const { size } = await stat(path);
  if (size > limits.maxDocumentBytes) throw badInput(where, `file is ${size} bytes, above the limit of ${limits.maxDocumentBytes} for one JSON document`);
  return parseUntrustedJson(await readFile(path, 'utf8'), where);
}

async function* walk(dir: string): AsyncIterable<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && isJson(e.name)) yield path;
  }
}

async function* fromDirectory(dir: string, limits: IntelLimits): AsyncIterable<AdvisoryRow> {
  let n = 0;
  for await (const path of walk(dir)) {
    if (++n > limits.maxRecords) throw badInput(dir, `more than ${limits.maxRecords} files`);
    yield advisoryFromOsv(await readDocument(path, path, limits), path);
  }
}

async function* fromZip(path: string, where: string, limits: IntelLimits): AsyncIterable<AdvisoryRow> {
  const zip = await ZipReader.open(path, where);
  try {
    if (zip.entryCount > limits.maxRecords) throw badInput(where, `zip has ${zip.entryCount} entries, above the limit of ${limits.maxRecords}`);
    let expanded = 0;
    for await (const entry of zip.entries()) {
      if (entry.name.endsWith('/') || !isJson(entry.name)) continue;
      const data = await zip.read(entry, limits.maxDocumentBytes);
      expanded += data.length;
      if (expanded > limits.maxExpandedBytes) throw badInput(where, `zip expands beyond the limit of ${limits.maxExpandedBytes} bytes`);
      const at = `${where}!${entry.name}`;
      yield advisoryFromOsv(parseUntrustedJson(data.toString('utf8'), at), at);
    }
  } finally {
    await zip.close();
  }
}

export interface OsvInput {
  shape: OsvShape;
  path: string;
  /** What error messages call it: the path, or the URL it was fetched from. */
  where: string;
  /** The record, when sniffing already parsed it. */
  doc?: unknown;
}

export async function* readOsv(input: OsvInput, limits: IntelLimits): AsyncIterable<AdvisoryRow> {
  switch (input.shape) {
    case 'record':
      yield advisoryFromOsv(input.doc ?? await readDocument(input.path, input.where, limits), input.where);
      return;
    case 'directory':
      yield* fromDirectory(input.path, limits);
      return;
    case 'zip':
      yield* fromZip(input.path, input.where, limits);
  }
}
