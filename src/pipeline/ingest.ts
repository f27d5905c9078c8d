import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import type { NormalizedRecord, Parser } from '../model/index.js';
import { MothershipError } from '../model/errors.js';
import { openReportFile } from '../sources/report-file.js';
import { PARSERS } from '../sources/registry.js';
import { syncRun, type SyncResult } from './sync/run.js';
import {
  contentKey, fileStamp, hashingReportFile, identicalReimport, mayBeReimport, recordAssets, recordContentKey, sha256File, type RecordedAsset,
} from './identical-reimport.js';
import { scoreRisk } from './score-risk.js';

export interface IngestOptions {
  /** Force a report type (a parser's `type`) instead of sniffing. */
  type?: string;
  /** Owner for the assets and findings this file yields, when it names none (`--owner`). */
  owner?: string;
  /** uid of the asset the report is about, over what it says or when it says nothing (`--asset`). */
  asset?: string;
  onProgress?: (records: number) => void;
  /** Score the risk of the store's findings after the run (default true). */
  scoreRisk?: boolean;
  /**
   * Record an unchanged file's re-import without parsing it when nothing touched its scopes since
   * (identical-reimport.ts; default true). False always parses and merges (and still records the file's
   * content key for the next import).
   */
  identicalShortcut?: boolean;
  /** Sees the parser's records on their way to the store (the ingest benchmark times the parser with it). */
  observe?: (records: AsyncIterable<NormalizedRecord>) => AsyncIterable<NormalizedRecord>;
}

export interface IngestResult extends SyncResult {
  file: string;
  type: string;
  /** Set when the file was the one an earlier run read, unchanged, and was not parsed again: that run's id. */
  identicalTo?: number;
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

/** Longest asset uid accepted from the command line; real uids (ARNs, digest references) are far shorter. */
const MAX_ASSET_UID = 2048;

/**
 * The `--asset` uid, checked before it keys anything: it becomes a uid, part of scopes and fingerprints,
 * so it must be a plain line of text (the store rejects NUL bytes; control characters only hide things).
 */
export function assetUidOption(uid: string | undefined, where: string): string | undefined {
  if (uid === undefined) return undefined;
  const trimmed = uid.trim();
  if (!trimmed) throw new MothershipError('BAD_INPUT', `${where}: --asset: an asset uid is needed, got an empty one`);
  if (trimmed.length > MAX_ASSET_UID) throw new MothershipError('BAD_INPUT', `${where}: --asset: uid longer than ${MAX_ASSET_UID} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new MothershipError('BAD_INPUT', `${where}: --asset: uid contains control characters`);
  return trimmed;
}

/** `\u0000` for a NUL: messages are one printable line, whatever bytes of the input they quote. */
export function printable(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/\r?\n|[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c.endsWith('\n') ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Parser errors quote the input (a bad field value, a version string) and hostile input holds NUL bytes,
 * which the store cannot keep in the failed run's record: the message is made printable first.
 */
async function* withPrintableErrors(records: AsyncIterable<NormalizedRecord>): AsyncIterable<NormalizedRecord> {
  try {
    yield* records;
  } catch (e) {
    if (!(e instanceof Error) || printable(e.message) === e.message) throw e;
    if (e instanceof MothershipError) throw new MothershipError(e.code, printable(e.message), { cause: e });
    throw new Error(printable(e.message), { cause: e });
  }
}

/** Ingests one report file as one run of its parser: transactional and idempotent. */
export async function ingestFile(db: Db, path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const subject = assetUidOption(options.asset, path);
  const opened = await openReportFile(path);
  const parser = parserFor(opened, options.type, path);
  const input = { file: path, type: parser.type, size: opened.size, owner: options.owner ?? null, asset: subject ?? null };
  const shortcut = options.identicalShortcut !== false;
  const keyOf = (sha256: string) =>
    contentKey(sha256, { parser: parser.id, parserVersion: parser.version, type: parser.type, owner: input.owner, asset: input.asset });
  const stamp = await fileStamp(path);
  // Hashing before parsing costs a read of the file: only when an earlier run of the same size may match.
  let key = shortcut && (await mayBeReimport(db, parser.id, opened.size)) ? keyOf(await sha256File(path)) : undefined;
  if (key !== undefined) {
    const same = await identicalReimport(db, parser.id, key, input);
    if (same) {
      if (options.scoreRisk !== false) await scoreRisk(db);
      return { ...same, file: path, type: parser.type };
    }
  }
  // Otherwise the bytes are hashed as the parser reads them, for the next import of the same file.
  const hashing = hashingReportFile(opened);
  const file = key === undefined ? hashing.file : opened;
  const assets = new Map<string, RecordedAsset>();
  const parsed = withPrintableErrors(parser.parse(file, subject === undefined ? {} : { subject }));
  const records = options.observe ? options.observe(parsed) : parsed;
  const result = await syncRun(db, recordAssets(withOwner(records, options.owner), assets), {
    source: parser.id,
    where: path,
    input,
    onProgress: options.onProgress,
  });
  const sha256 = hashing.digest();
  key ??= sha256 === undefined ? undefined : keyOf(sha256);
  // A file changed while it was read has no one content: no key.
  if (key !== undefined && result.status === 'succeeded' && (await fileStamp(path)) === stamp) {
    await recordContentKey(db, result.runId, key, assets);
  }
  // New findings get their risk now; a caller ingesting many files (the demo) scores once at the end instead.
  if (options.scoreRisk !== false) await scoreRisk(db);
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
