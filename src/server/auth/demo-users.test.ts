import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { ensureDemoUsers } from './demo-users.js';
import { checkLogin, LoginRefused } from './accounts.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // Owners named on assets only, as the demo's tags and account map name them.
  await syncRun(t.db, [
    { type: 'coverage', scope: 's', coverage: 'complete' },
    { type: 'asset', scope: 's', asset: { uid: 'a1', kind: 'aws.ec2.instance', owner: 'payments' } },
    { type: 'asset', scope: 's', asset: { uid: 'a2', kind: 'aws.ec2.instance', owner: 'platform' } },
    { type: 'asset', scope: 's', asset: { uid: 'a3', kind: 'aws.ec2.instance', owner: 'search' } },
  ], { source: 'fixture' });
});
afterAll(async () => { await t.drop(); });

describe('demo logins', () => {
  it('an admin and a member per team, the platform team first; a second demo gives new passwords', async () => {
    const logins = await ensureDemoUsers(t.db, 2);
    expect(logins.map((l) => [l.name, l.role, l.tenant])).toEqual([['admin', 'admin', null], ['platform', 'member', 'platform'], ['payments', 'member', 'payments']]);
    for (const l of logins) await expect(checkLogin(t.db, l.name, l.password)).resolves.toBeGreaterThan(0);
    const again = await ensureDemoUsers(t.db, 2);
    await expect(checkLogin(t.db, 'admin', logins[0]!.password)).rejects.toBeInstanceOf(LoginRefused);
    await expect(checkLogin(t.db, 'admin', again[0]!.password)).resolves.toBeGreaterThan(0);
  });
});
