import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { kicsJson } from './parser.js';

async function parse(doc: unknown, name = 'kics.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of kicsJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}

async function parseError(doc: unknown, name = 'kics.json'): Promise<MothershipError> {
  try {
    await parse(doc, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const file = (over: Record<string, unknown> = {}) => ({
  file_name: 'k8s/role.yaml', similarity_id: 'abc123', line: 20, issue_type: 'IncorrectValue', search_key: 'metadata.name=x.rules',
  expected_value: "rules[0].verbs shouldn't contain '*'", actual_value: "rules[0].verbs contains '*'", ...over,
});
const report = (files: unknown[], over: Record<string, unknown> = {}) => ({
  kics_version: 'v1.7.0', files_scanned: 2, files_parsed: 2, files_failed_to_scan: 0, queries_total: 900, queries_failed_to_execute: 0,
  queries: [{ query_name: 'RBAC Wildcard In Rule', query_id: '6b896afb-ca07-467a-b256-1a0077a1c08e', severity: 'LOW', platform: 'Kubernetes', category: 'Access Control', files }],
  ...over,
});

describe('kics-json', () => {
  it('makes one finding per query, file, similarity id and expected value, stable when lines move', async () => {
    const a = findings(await parse(report([file(), file({ expected_value: "rules[0].resources shouldn't contain '*'" }), file()])));
    expect(a).toHaveLength(2);
    expect(a[0]).toMatchObject({ kind: 'config', severity: 'low', title: 'RBAC Wildcard In Rule', remediation: "rules[0].verbs shouldn't contain '*'" });
    const b = findings(await parse(report([file({ line: 44 })])));
    expect(b[0]?.fingerprint).toBe(a[0]?.fingerprint);
  });

  it('says the scan was partial when files or queries failed', async () => {
    const rs = await parse(report([], { files_failed_to_scan: 1, queries_failed_to_execute: 2 }));
    expect(rs[0]).toMatchObject({ coverage: 'partial', error: 'KICS: 1 file(s) failed to scan, 2 queries failed to execute' });
  });
});

describe('kics-json on hostile input', () => {
  it('drops __proto__ keys without polluting prototypes', async () => {
    const rs = await parse(`{"files_scanned": 1, "queries_total": 1, "__proto__": {"polluted": 1}, "queries": [{"query_name": "q", "query_id": "i", "files": [{"file_name": "f", "__proto__": {"polluted": 2}}]}]}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(findings(rs)).toHaveLength(1);
  });

  it('names the file when the JSON is truncated, and the field of the wrong type', async () => {
    expect((await parseError(JSON.stringify(report([file()])).slice(0, 80), 'k.json')).message).toMatch(/^k\.json: invalid JSON/);
    expect((await parseError(report([file(), file({ line: 'twenty' })]), 'k.json')).message).toContain('k.json: KICS report field queries[0].files[1].line');
  });
});
