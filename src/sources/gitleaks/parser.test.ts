import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { gitleaksJson } from './parser.js';

async function parse(text: string, name = 'gitleaks.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of gitleaksJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'gitleaks.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const leak = (over: Record<string, unknown> = {}) => ({
  Description: 'GitHub Personal Access Token', RuleID: 'github-pat', File: 'deploy/.env', StartLine: 3, EndLine: 3,
  Secret: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', Match: 'TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
  Commit: 'a1b2c3d4', Author: 'Dev', Email: 'dev@example.com', Date: '2026-01-02T03:04:05Z', Tags: [],
  Fingerprint: 'a1b2c3d4:deploy/.env:github-pat:3', ...over,
});

describe('gitleaks-json', () => {
  it('keeps one finding per secret and file across commits and moved lines, and never the secret', async () => {
    const rs = await parse(JSON.stringify([leak(), leak({ Commit: 'e5f6a7b8', StartLine: 9, EndLine: 9 }), leak({ File: 'other/.env' })]));
    const fs = findings(rs);
    expect(fs).toHaveLength(2);
    expect(fs[0]).toMatchObject({ kind: 'secret', ruleId: 'github-pat', severity: 'high', title: 'GitHub Personal Access Token' });
    expect((fs[0]?.evidence?.occurrences as { commit: string }[]).map((o) => o.commit)).toEqual(['a1b2c3d4', 'e5f6a7b8']);
    const out = JSON.stringify(rs);
    expect(out).not.toContain('ghp_0123456789');
    expect(out).not.toContain('dev@example.com');
    // The same secret at another line of the same file in a later report: the same finding.
    const later = findings(await parse(JSON.stringify([leak({ StartLine: 40, EndLine: 40 })])));
    expect(later[0]?.fingerprint).toBe(fs[0]?.fingerprint);
  });

  it('tells redacted secrets apart by line, since there is nothing else to tell them by', async () => {
    const fs = findings(await parse(JSON.stringify([leak({ Secret: 'REDACTED', Match: 'REDACTED' }), leak({ Secret: 'REDACTED', Match: 'REDACTED', StartLine: 8 })])));
    expect(fs).toHaveLength(2);
  });

  it('reads gitleaks v7 reports, and names the repository a leak links to', async () => {
    const v7 = [{ line: 'export KEY="abcd1234efgh5678"', lineNumber: 4, offender: 'abcd1234efgh5678', commit: 'c0ffee', repo: '.', repoURL: 'https://github.com/shop/api', rule: 'Generic Credential', file: 'env.sh', tags: 'key, Generic' }];
    const rs = await parse(JSON.stringify(v7));
    expect(rs.find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: 'repo:github.com/shop/api', kind: 'code.repository' } });
    expect(findings(rs)).toMatchObject([{ ruleId: 'Generic Credential', properties: { tags: ['key', 'Generic'] }, evidence: { path: 'env.sh', startLine: 4 } }]);
    expect(JSON.stringify(rs)).not.toContain('abcd1234efgh5678');
    const v8 = await parse(JSON.stringify([leak({ Link: 'https://github.com/shop/web/blob/a1b2c3d4/deploy/.env#L3' })]));
    expect(v8.find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: 'repo:github.com/shop/web' } });
  });

  it('reads an empty report (`null` or `[]`) as a complete scan with no leaks, named after the report', async () => {
    for (const text of ['null', '[]']) {
      const rs = await parse(text, 'api-leaks.json');
      expect(rs.map((r) => r.type)).toEqual(['coverage', 'asset']);
      expect(rs[0]).toMatchObject({ scope: 'gitleaks-json:repo:api-leaks', coverage: 'complete' });
    }
    expect(gitleaksJson.accepts({ name: 'x.json', head: Buffer.from(JSON.stringify([leak()])) })).toBe(true);
    expect(gitleaksJson.accepts({ name: 'x.json', head: Buffer.from('null') })).toBe(false);
  });
});

describe('gitleaks-json on hostile input', () => {
  it('drops __proto__ keys without polluting prototypes', async () => {
    const rs = await parse(`[{"RuleID": "r", "File": "f", "Secret": "s3cr3tvalue", "__proto__": {"polluted": 1}, "Tags": []}]`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
  });

  it('names the file when the JSON is truncated, and the field of the wrong type', async () => {
    const truncated = await parseError(JSON.stringify([leak(), leak()]).slice(0, 120), 'nightly.json');
    expect(truncated.message).toMatch(/^nightly\.json: invalid JSON/);
    const wrong = await parseError(JSON.stringify([leak(), leak({ StartLine: 'three' })]), 'nightly.json');
    expect(wrong.message).toContain('nightly.json: Gitleaks report field [1].StartLine');
    const v7 = await parseError(JSON.stringify([{ rule: 'r', file: 4 }]));
    expect(v7.message).toContain('field [0].file');
    expect((await parseError('{"leaks": []}')).message).toContain('Gitleaks report field (document)');
  });
});
