import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import type { NormalizedRecord, Parser } from '../model/index.js';
import { MothershipError } from '../model/errors.js';
import { openReportFile } from '../sources/report-file.js';
import { PARSERS } from '../sources/registry.js';
import { syncRun, type SyncResult } from './sync/run.js';

export interface IngestOptions {
  /** Force a report type (a parser's `type`) instead of sniffing. */
  type?: string;
  /** Owner for the assets and findings this file yields, when it names none (`--owner`). */
  owner?: string;
  onProgress?: (records: number) => void;
}

export interface IngestResult extends SyncResult {
  file: string;
  type: string;
}

export function parserFor(file: { name: string; head: Uint8Array }, type?: string, where = file.name): Parser {
  if (type) {
    const p = PARSERS.find((x) => x.type === type);
    if (!p) throw new MothershipError('UNSUPPORTED', `${where}: unknown report type ${type}; known: ${PARSERS.map((x) => x.type).join(', ')}`);
    return p;
  }
  const matches = PARSERS.filter((p) => p.accepts(file));
  if (matches.length === 0) throw new MothershipError('UNSUPPORTED', `${where}: not a report format Mothership reads (pass --type to force one; known: ${PARSERS.map((x) => x.type).join(', ') || 'none'})`);
  if (matches.length > 1) throw new MothershipError('UNSUPPORTED', `${where}: ambiguous format, could be ${matches.map((p) => p.type).join(' or ')}; pass --type`);
  return matches[0]!;
}

/**
 * An explicit owner applies to the assets the report defines, unless the report names its own; findings
 * follow their asset's owner, so later attribution (e.g. to a base image's owner) stays possible.
 */
async function* withOwner(records: AsyncIterable<NormalizedRecord>, owner: string | undefined): AsyncIterable<NormalizedRecord> {
  for await (const r of records) {
    if (owner && r.type === 'asset' && !r.asset.reference && !r.asset.owner) {
      yield { ...r, asset: { ...r.asset, owner, ownerReason: 'explicit (--owner)' } };
    } else yield r;
  }
}

/** Ingests one report file as one run of its parser: transactional and idempotent. */
export async function ingestFile(db: Db, path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const file = await openReportFile(path);
  const parser = parserFor(file, options.type, path);
  const result = await syncRun(db, withOwner(parser.parse(file), options.owner), {
    source: parser.id,
    where: path,
    input: { file: path, type: parser.type, size: file.size, owner: options.owner ?? null },
    onProgress: options.onProgress,
  });
  return { ...result, file: path, type: parser.type };
}

/** Files under the given paths, directories walked depth-first in name order. */
export async function* walkFiles(paths: readonly string[]): AsyncIterable<string> {
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new MothershipError('NOT_FOUND', `${p}: no such file or directory`);
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      yield* walkFiles(entries.filter((e) => !e.startsWith('.')).map((e) => join(p, e)));
    } else if (info.isFile()) yield p;
  }
}
