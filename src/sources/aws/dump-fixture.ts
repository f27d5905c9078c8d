import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AssetInput, FindingInput, NormalizedRecord, RelationshipInput } from '../../model/index.js';
import { awsDump } from './dump-reader.js';

/**
 * Test support for the AWS dump reader: writes hand-written CLI output (`path → JSON value`, or a string
 * written as is) into a temporary dump, reads it back, and answers questions about the records.
 * Used by the reader's tests only.
 */

export interface DumpRecords {
  records: NormalizedRecord[];
  log: string[];
  assets(kind?: string): AssetInput[];
  asset(uid: string): AssetInput | undefined;
  edges(from?: string, kind?: string): (RelationshipInput & { scope: string })[];
  /** `[kind, to]` pairs of the edges from `from`, sorted. */
  edgesOf(from: string): [string, string][];
  coverage(scope: string): NormalizedRecord[];
  findings(): (FindingInput & { scope: string })[];
  scopeOf(uid: string): string | undefined;
}

export async function writeDump(root: string, files: Readonly<Record<string, unknown>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

export function dumpRecords(records: NormalizedRecord[], log: string[] = []): DumpRecords {
  const assets = (kind?: string) => records.flatMap((r) => (r.type === 'asset' && (kind === undefined || r.asset.kind === kind) ? [r.asset] : []));
  const edges = (from?: string, kind?: string) => records.flatMap((r) => (r.type === 'relationship'
    && (from === undefined || r.relationship.from === from) && (kind === undefined || r.relationship.kind === kind) ? [{ ...r.relationship, scope: r.scope }] : []));
  return {
    records,
    log,
    assets,
    asset: (uid) => assets().find((a) => a.uid === uid),
    edges,
    edgesOf: (from) => edges(from).map((e): [string, string] => [e.kind, e.to]).sort((a, b) => a.join(' ').localeCompare(b.join(' '))),
    coverage: (scope) => records.filter((r) => r.type === 'coverage' && r.scope === scope),
    findings: () => records.flatMap((r) => (r.type === 'finding' ? [{ ...r.finding, scope: r.scope }] : [])),
    scopeOf: (uid) => records.find((r) => r.type === 'asset' && r.asset.uid === uid)?.scope,
  };
}

/** Writes `files` into a fresh temporary dump, reads it with the aws-dump reader, and removes it. */
export async function readDump(files: Readonly<Record<string, unknown>>): Promise<DumpRecords> {
  const dir = await mkdtemp(join(tmpdir(), 'aws-dump-'));
  try {
    await writeDump(dir, files);
    const records: NormalizedRecord[] = [];
    const log: string[] = [];
    for await (const r of awsDump.read(dir, { log: (m) => log.push(m) })) records.push(r);
    return dumpRecords(records, log);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const accessDenied = (action: string) => ({ Error: { Code: 'AccessDenied', Message: `User is not authorized to perform: ${action}` } });

/** Secrets for tests, assembled at run time so secret scanners of this repository do not flag the fixtures. */
export const TEST_SECRETS = {
  keyId: ['AKIA', 'IOSFODNN7EXAMPLE'].join(''),
  secretKey: ['wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join(''),
  github: ['ghp', '_', 'Zx9q'.repeat(9)].join(''),
  slack: ['xox', 'b-', '123456789012-1234567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join(''),
  privateKey: ['-----BEGIN RSA ', 'PRIVATE KEY-----\n', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n', '-----END RSA ', 'PRIVATE KEY-----'].join(''),
  password: ['Tr0ub4dor', '&3-horse-battery'].join(''),
} as const;
