import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerIntel } from './intel.js';
import { commandStore, runCommand, type CommandRun } from '../../../test/support/run-command.js';

const store = commandStore('ms-cli-intel-');
const dir = store.dir;

const run = (...args: string[]): Promise<CommandRun> => runCommand(registerIntel, ['--db', store.location, 'intel', 'import', ...args]);

const kev = join(dir, 'kev.json');
writeFileSync(kev, JSON.stringify({ dateReleased: '2025-02-01T00:00:00Z', count: 1, vulnerabilities: [
  { cveID: 'CVE-2025-0001', vendorProject: 'Acme', product: 'Widget', vulnerabilityName: 'bug', dateAdded: '2025-01-10', dueDate: '2025-01-31', knownRansomwareCampaignUse: 'Known', notes: '' },
] }));
const record = join(dir, 'GHSA-x.json');
writeFileSync(record, JSON.stringify({ id: 'GHSA-x', modified: '2024-01-01T00:00:00Z', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }] }));

describe('mothership intel import', () => {
  it('prints one summary line per input', async () => {
    const r = await run(kev, record);
    expect(r.error).toBeUndefined();
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/kev\.json: kev, run \d+, 1 entries: 1 new, 0 updated, 0 unchanged, 0 removed in \d+\.\d\ds$/);
    expect(lines[1]).toMatch(/GHSA-x\.json: osv, run \d+, 1 records: 1 new, 0 updated \(0 withdrawn\), 0 unchanged, 0 older than stored in \d+\.\d\ds$/);
  });

  it('prints a JSON object per input with --format json', async () => {
    const r = await run(record, '--format', 'json');
    expect(JSON.parse(r.out)).toMatchObject({ format: 'osv', counts: { records: 1, inserted: 0, unchanged: 1 }, changed: 0, errors: [] });
  });

  it('reports a bad input on stderr, imports the others, and fails at the end', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"id": 42}');
    const r = await run(bad, kev);
    expect(r.err).toMatch(/error: .*bad\.json: OSV record field id: /);
    expect(r.out).toMatch(/kev\.json: kev, run \d+, 1 entries: 0 new/);
    expect(r.error?.message).toMatch(/1 input\(s\) not imported/);
  });
});
