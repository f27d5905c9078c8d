import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { loadRulePacks } from './load.js';
import { exampleCoverageProblem, runRuleExamples } from './examples.js';

const RULES = loadRulePacks();

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe('built-in rules', () => {
  it('each has a violating and a compliant example', () => {
    const problems = RULES.map((r) => [r.id, exampleCoverageProblem(r)]).filter(([, p]) => p !== null);
    expect(problems).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s passes its examples', async (_id, rule) => {
    const results = await runRuleExamples(t.db, rule);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect({ example: r.example, error: r.error, violations: r.actual }).toEqual({ example: r.example, error: undefined, violations: r.expected });
  });

  it('examples leave the store empty', async () => {
    expect(await t.db.query('select count(*)::int as n from assets')).toEqual([{ n: 0 }]);
  });
});
