import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { gitleaksJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FILE = join(DOJO_DIR, 'gitleaks', 'version_7.5.0.json');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, gitleaksJson, 'gitleaks.json', text, now);
}

describe.skipIf(!existsSync(FILE))('gitleaks-json through the scoped sync (../shared/corpus/defectdojo/gitleaks/version_7.5.0.json)', () => {
  let t: TestDb;
  let text: string;
  beforeAll(async () => {
    t = await createTestDb();
    text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  });
  afterAll(async () => { await t.drop(); });

  it('stores one secret finding per secret and file, without the secret', async () => {
    const r = await ingest(t.db, text, new Date('2026-03-01T00:00:00Z'));
    expect(r.status).toBe('succeeded');
    const rows = await t.db.query<{ kind: string; asset_uid: string }>('select kind, asset_uid from findings');
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((x) => `${x.kind} ${x.asset_uid}`))).toEqual(new Set(['secret repo:gitleaks']));
    expect(JSON.stringify(await snapshot(t.db))).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('changes no row when the same report is ingested again', async () => {
    const before = await snapshot(t.db);
    const r = await ingest(t.db, text, new Date('2026-03-02T00:00:00Z'));
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('resolves a secret once no commit carries it any more', async () => {
    const leaks = (JSON.parse(text) as { rule: string; file: string }[]).filter((l) => !l.file.endsWith('_parser.py'));
    const r = await ingest(t.db, JSON.stringify(leaks), new Date('2026-03-03T00:00:00Z'));
    expect(r.counts.findings).toMatchObject({ new: 0, resolved: 1 });
  });
});
