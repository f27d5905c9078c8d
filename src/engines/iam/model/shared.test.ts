import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/support/test-db.js';
import { runShared, type EngineContext } from '../../engine.js';
import { runIamModel } from './shared.js';

let t: TestDb;
const ctx = (shared = runShared()): EngineContext => ({ db: t.db, now: new Date(), log: () => undefined, shared });

beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe('one IAM model per analyze run', () => {
  it('engines of one run get the same model; another run, or an engine run alone, builds its own', async () => {
    const run = ctx();
    const [first, second] = await Promise.all([runIamModel(run), runIamModel({ ...run, log: () => undefined })]);
    expect(second).toBe(first);
    expect(await runIamModel(ctx())).not.toBe(first);
    expect(await runIamModel({ db: t.db, now: new Date(), log: () => undefined })).not.toBe(first);
  });

  it('options that change the model are not shared', async () => {
    const run = ctx();
    const standard = await runIamModel(run, { maxChainDepth: 4 });
    expect(await runIamModel(run)).toBe(standard);
    expect(await runIamModel(run, { maxChainDepth: 2 })).not.toBe(standard);
    expect(await runIamModel(run, { scps: new Map() })).not.toBe(standard);
  });
});
