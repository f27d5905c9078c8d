import { describe, expect, it } from 'vitest';
import { registerTriage, parseExpiry } from './triage.js';
import { commandStore, runCommand, type CommandRun } from '../../../test/support/run-command.js';
import { openDb } from '../../store/open.js';
import { syncRun } from '../../pipeline/sync/run.js';

const store = commandStore('ms-cli-triage-');
const run = (...args: string[]): Promise<CommandRun> => runCommand(registerTriage, ['--db', store.location, ...args]);

async function withStore<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb(store.location);
  try { return await fn(db); } finally { await db.close(); }
}

describe('mothership triage and suppress', () => {
  // Seven commands, each opening the store as the CLI does.
  it('set triage states, record the actor, and manage suppression rules', { timeout: 180_000 }, async () => {
    const ids = await withStore(async (db) => {
      await syncRun(db, [
        { type: 'coverage', scope: 's', coverage: 'complete' },
        ...['a', 'b', 'c'].map((x) => ({ type: 'finding' as const, scope: 's', finding: { fingerprint: `fp-${x}`, kind: 'config' as const, ruleId: `rule.${x}`, title: x, severity: 'high' as const, assetUid: `arn:x:${x}` } })),
      ], { source: 'test' });
      return (await db.query<{ id: number }>('select id from findings order by id')).map((r) => r.id);
    });
    const ack = await run('triage', `${ids[0]},${ids[1]},999999`, 'acknowledged', '--as', 'ops');
    expect(ack.out).toBe(`finding ${ids[0]}: acknowledged\nfinding ${ids[1]}: acknowledged\nfinding 999999: not found\n`);
    expect(ack.error?.message).toMatch(/1 finding\(s\) not found/);
    const accept = await run('triage', String(ids[0]), 'risk_accepted', '--reason', 'lab', '--expires', '30d', '--format', 'json');
    expect(JSON.parse(accept.out)).toMatchObject({ updated: [ids[0]], facts: { [String(ids[0])]: { relied_on: expect.arrayContaining(['not_in_kev']) as unknown } } });
    expect((await run('triage', String(ids[1]), 'risk_accepted', '--reason', 'x')).error?.message).toMatch(/needs expires_at/);
    const add = await run('suppress', 'add', '--rule', 'rule.c', '--reason', 'accepted design', '--expires', '2099-01-01');
    expect(add.out).toMatch(/^suppression \d+: 1 finding\(s\) suppressed\n$/);
    const list = JSON.parse((await run('suppress', 'list', '--format', 'json')).out) as { id: number; findings: number; created_by: string }[];
    expect(list).toMatchObject([{ findings: 1, created_by: expect.stringMatching(/^cli:/) as unknown }]);
    expect((await run('suppress', 'delete', String(list[0]!.id))).out).toBe(`suppression ${list[0]!.id} deleted: 1 finding(s) back to triage none\n`);
    expect((await run('suppress', 'add', '--reason', 'all')).error?.message).toMatch(/at least one of/);

    const events = await withStore((db) => db.query<{ actor: string | null; to: string }>(
      `select actor, details->>'to' as to from finding_events where type = 'triaged' and finding_id = $1 order by id`, [ids[0]]));
    expect(events).toEqual([{ actor: 'ops', to: 'acknowledged' }, { actor: expect.stringMatching(/^cli:/) as unknown, to: 'risk_accepted' }]);
  });

  it('reads expiries as dates or days ahead', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseExpiry('90d', now)).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(parseExpiry('2026-06-30', now)).toEqual(new Date('2026-06-30T00:00:00Z'));
    expect(() => parseExpiry('soon', now)).toThrow(/neither a date/);
  });
});
