import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG, createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { MAIN_ACCOUNT, MAIN_KEY, startAwsTestServer, type AwsTestServer } from '../../sources/aws/live/testing/aws-test-server.js';
import { registerCollectAws } from './collect-aws.js';
import { registerCollectK8s } from './collect-k8s.js';
import { Command } from 'commander';
import { runCommand, type CommandRun } from '../../../test/support/run-command.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-cli-collect-aws-'));
let t: TestDb | null = null;
let location = '';
let server: AwsTestServer;
const saved = { ...process.env };

beforeAll(async () => {
  t = TEST_PG ? await createTestDb() : null;
  location = t?.location ?? join(dir, 'db');
  server = await startAwsTestServer();
  // The SDK's default chain reads the environment first.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: MAIN_KEY, AWS_SECRET_ACCESS_KEY: 'test-secret' });
  delete process.env.AWS_PROFILE;
});
afterAll(async () => {
  process.env = saved;
  await server.close();
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

// Both collectors share the \`collect\` parent command: registering them together checks they coexist.
const run = (...args: string[]): Promise<CommandRun> => runCommand((program) => {
  registerCollectK8s(program);
  registerCollectAws(program);
}, ['--db', location, 'collect', 'aws', '--endpoint-url', server.url, ...args]);

describe('mothership collect aws', () => {
  it('collects the credentials\' account into the store and the dump, progress on stderr', async () => {
    const dump = join(dir, 'dump');
    const r = await run('--services', 'ec2,kms', '--regions', 'us-east-1', '--dump', dump);
    expect(r.error).toBeUndefined();
    expect(r.err).toContain(`aws: collecting as arn:aws:iam::${MAIN_ACCOUNT}:user/collector`);
    expect(r.err).toContain(`aws ${MAIN_ACCOUNT} us-east-1: 2 services`);
    expect(r.out).toMatch(new RegExp(`^collect aws ${MAIN_ACCOUNT}: 1 regions, 7 calls \\(0 errors\\); run \\d+ succeeded; 7 assets \\(\\+7 ~0 -0\\)`));
    expect(readdirSync(join(dump, MAIN_ACCOUNT, 'us-east-1')).sort()).toEqual([
      'ec2-describe-instances.json', 'ec2-describe-security-groups.json', 'kms-describe-key', 'kms-get-key-rotation-status', 'kms-list-keys.json',
    ]);
  });

  it('shares the collect group with collect k8s', () => {
    const program = new Command('mothership');
    registerCollectK8s(program);
    registerCollectAws(program);
    expect(program.commands.filter((c) => c.name() === 'collect')).toHaveLength(1);
    expect(program.commands.find((c) => c.name() === 'collect')?.commands.map((c) => c.name()).sort()).toEqual(['aws', 'k8s']);
  });

  it('says which account could not be identified when the credentials are refused', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWN000000000';
    try {
      const r = await run('--services', 'ec2');
      expect(r.error?.message).toMatch(/^cannot identify the AWS account \(sts get-caller-identity\): The security token included in the request is invalid/);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = MAIN_KEY;
    }
  });

  it('refuses unknown services and regions, naming them', async () => {
    expect((await run('--services', 'ec2,lambada')).error?.message).toMatch(/--services ec2,lambada: lambada not expected one of iam, s3, ec2/);
    expect((await run('--regions', 'us-east-1,mars')).error?.message).toMatch(/--regions us-east-1,mars: mars not expected region names/);
    expect((await run('--role-name', 'audit')).error?.message).toMatch(/--role-name is only used with --org/);
  });
});
