import { describe, expect, it } from 'vitest';
import { GLOBAL_PLANS, REGION_PLANS } from '../account-calls.js';
import { sdkCalls } from './calls.js';
import { cliTimestamp, cliValue, decodeIamPolicies } from './cli-output.js';
import { Semaphore } from './semaphore.js';

describe('the SDK call table', () => {
  it('has an SDK command for every call of every plan the dump reader reads', () => {
    const table = sdkCalls();
    const plans = [...Object.values(GLOBAL_PLANS), ...Object.values(REGION_PLANS)];
    const names = plans.flatMap((p) => [...p.calls, ...p.perResource.map((r) => r.call)]);
    expect(names.filter((n) => !table.has(n))).toEqual([]);
    expect(names.length).toBeGreaterThan(50);
  });
});

describe('CLI output', () => {
  it('prints timestamps as the CLI does (Python isoformat, UTC)', () => {
    expect(cliTimestamp(new Date('2024-05-01T10:00:00Z'))).toBe('2024-05-01T10:00:00+00:00');
    expect(cliTimestamp(new Date('2024-05-01T10:00:00.120Z'))).toBe('2024-05-01T10:00:00.120000+00:00');
  });

  it('drops the envelope and pagination members, encodes blobs base64', () => {
    expect(cliValue({ $metadata: { httpStatusCode: 200 }, Content: new TextEncoder().encode('user,arn'), NextToken: 't', Skipped: undefined, A: [{ B: new Date(0) }] }, true))
      .toEqual({ Content: 'dXNlcixhcm4=', A: [{ B: '1970-01-01T00:00:00+00:00' }] });
    expect(cliValue({ NextToken: 't' })).toEqual({ NextToken: 't' });
  });

  it('decodes IAM policy documents the API returns URL-encoded', () => {
    expect(decodeIamPolicies({ RoleDetailList: [{ AssumeRolePolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%7D', RoleName: '%7B' }] }))
      .toEqual({ RoleDetailList: [{ AssumeRolePolicyDocument: { Version: '2012-10-17' }, RoleName: '%7B' }] });
  });
});

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, all of them eventually', async () => {
    const s = new Semaphore(2);
    let active = 0;
    let peak = 0;
    const task = async (i: number) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return i;
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map((i) => s.run(() => task(i))))).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
