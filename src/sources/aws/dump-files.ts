import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { MAX_JSON_BYTES, parseUntrustedJson } from '../json.js';
import { parseShape, type CallResult } from './call-result.js';
import { ACCOUNT_ID_PATTERN, REGION_PATTERN } from './identifiers.js';
import { callSet, ResourceName, type CallPlan, type CallSet } from './service.js';

/**
 * The only module that touches the file system for an AWS dump (layout: docs/aws-dump-layout.md).
 * Everything it returns is parsed JSON or a CallResult; shapes are checked by the service modules.
 */

// A failed call is stored as the CLI's error, e.g. {"Error": {"Code": "AccessDenied", "Message": "..."}}.
const ErrorDocument = z.object({ Error: z.looseObject({ Code: z.string().min(1), Message: z.string().optional() }) });

function isNotFound(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Reads one call's file: absent → `missing`; an error document → `error`; an empty file → `{}` (the CLI
 * prints nothing when a response has no fields, e.g. get-bucket-versioning on a never-versioned bucket).
 * The file system calls are synchronous: a dump is tens of thousands of small files, a third of them
 * absent, read one after the other; each asynchronous call was a thread-pool round trip (and each absent
 * file a thrown error), which made the waiting, not the parsing, most of an import's reading time.
 */
export function readCall(path: string, call: string): Promise<CallResult<unknown>> {
  try {
    return Promise.resolve(readCallNow(path, call));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function readCallNow(path: string, call: string): CallResult<unknown> {
  let size: number;
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return { status: 'missing', call };
    if (!info.isFile()) throw badInput(path, 'expected a file');
    size = info.size;
  } catch (e) {
    if (isNotFound(e)) return { status: 'missing', call };
    throw e;
  }
  if (size > MAX_JSON_BYTES) throw badInput(path, `file larger than ${MAX_JSON_BYTES} bytes`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw badInput(path, `cannot read the file: ${(e as Error).message}`, e);
  }
  if (text.trim() === '') return { status: 'ok', call, where: path, data: {} };
  const data = parseUntrustedJson(text, path);
  if (typeof data === 'object' && data !== null && Object.hasOwn(data, 'Error')) {
    const err = parseShape(ErrorDocument, data, path);
    return { status: 'error', call, code: err.Error.Code, message: err.Error.Message ?? '' };
  }
  return { status: 'ok', call, where: path, data };
}

/** `<dir>/<region>/<call>.json` or `<dir>/global/<call>.json`. */
export function callPath(accountDir: string, region: string | null, call: string): string {
  return join(accountDir, region ?? 'global', `${call}.json`);
}

/**
 * `<dir>/<region | global>/<call>/<resource>.json`: a per-resource call such as s3api-get-bucket-policy. A name
 * that could leave the folder (`..`, a backslash...) is refused: dumps are untrusted.
 */
export function resourceCallPath(accountDir: string, region: string | null, call: string, resource: string): string {
  const folder = join(accountDir, region ?? 'global', call);
  if (!ResourceName.safeParse(resource).success) throw badInput(folder, `resource name ${JSON.stringify(resource)} cannot name a file in a dump`);
  return join(folder, `${resource}.json`);
}

/** Reads the files of one service's call plan in one region (or `global`): the calls, then each per-resource call. */
export async function readPlan(accountDir: string, region: string | null, plan: CallPlan): Promise<CallSet> {
  const calls = new Map<string, CallResult<unknown>>();
  const resources = new Map<string, Map<string, CallResult<unknown>>>();
  const read = callSet(calls, resources);
  for (const call of plan.calls) calls.set(call, await readCall(callPath(accountDir, region, call), call));
  for (const step of plan.perResource) {
    const results = new Map<string, CallResult<unknown>>();
    for (const resource of new Set(step.resources(read))) {
      results.set(resource, await readCall(resourceCallPath(accountDir, region, step.call, resource), `${step.call}/${resource}`));
    }
    resources.set(step.call, results);
  }
  return read;
}

async function subdirectories(dir: string): Promise<{ dirs: string[]; others: string[] }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw badInput(dir, `cannot read the directory: ${(e as Error).message}`, e);
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const others = entries.filter((e) => !e.isDirectory()).map((e) => e.name).sort();
  return { dirs, others };
}

/** The account folders (12 digits) of a dump, sorted; anything else is reported through `log`. */
export async function listAccounts(dir: string, log: (message: string) => void): Promise<string[]> {
  const { dirs } = await subdirectories(dir);
  const accounts = dirs.filter((d) => ACCOUNT_ID_PATTERN.test(d));
  for (const d of dirs) if (!ACCOUNT_ID_PATTERN.test(d)) log(`${join(dir, d)}: ignored, not an account id (12 digits)`);
  if (accounts.length === 0) throw badInput(dir, 'no account folder (12-digit account id) found; see docs/aws-dump-layout.md');
  return accounts;
}

/** The region folders of an account, sorted; `global/` is read separately, other folders are reported. */
export async function listRegions(accountDir: string, log: (message: string) => void): Promise<string[]> {
  const { dirs } = await subdirectories(accountDir);
  for (const d of dirs) if (d !== 'global' && !REGION_PATTERN.test(d)) log(`${join(accountDir, d)}: ignored, not a region name`);
  return dirs.filter((d) => REGION_PATTERN.test(d));
}
