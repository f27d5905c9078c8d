import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, TEST_SECRETS as SECRETS, type DumpRecords } from './dump-fixture.js';
import { redact, scanEnvironment } from './env-secrets.js';

const A = '111122223333';
const R = `${A}/us-east-1`;
const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${A}:function:${name}`;
const fn = (name: string, variables: Record<string, string> | null, extra: Record<string, unknown> = {}) => ({
  FunctionName: name, FunctionArn: fnArn(name), Runtime: 'python3.12', Role: `arn:aws:iam::${A}:role/${name}-role`, Handler: 'app.handler',
  CodeSize: 1024, Description: '', Timeout: 30, MemorySize: 128, LastModified: '2025-01-01T00:00:00.000+0000',
  CodeSha256: 'd7cd28b2b7ba4d1ff9a9c2b7c9c7f3f1c1d7a8e9f0a1b2c3d4e5f60718293a4b=', Version: '$LATEST',
  ...(variables ? { Environment: { Variables: variables } } : {}),
  TracingConfig: { Mode: 'PassThrough' }, RevisionId: '1a2b3c4d-1234-5678-9abc-def012345678', PackageType: 'Zip', Architectures: ['x86_64'],
  EphemeralStorage: { Size: 512 }, SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' }, LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  ...extra,
});
const resourcePolicy = { Version: '2012-10-17', Id: 'default', Statement: [{ Sid: 'public-url', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl',
  Resource: fnArn('webhook'), Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } }] };

const files: Record<string, unknown> = {
  [`${R}/lambda-list-functions.json`]: { Functions: [
    fn('webhook', {
      AWS_KEY_ID: SECRETS.keyId, AWS_SECRET_ACCESS_KEY: SECRETS.secretKey, GITHUB_TOKEN: SECRETS.github,
      SLACK_WEBHOOK: `https://hooks.example.com/?token=${SECRETS.slack}`, SIGNING_KEY: SECRETS.privateKey, DB_PASSWORD: SECRETS.password,
      LOG_LEVEL: 'debug', TOKEN_TTL: '3600', API_TOKEN: 'changeme', DB_PASSWORD_SECRET_ARN: `arn:aws:secretsmanager:us-east-1:${A}:secret:db-AbCdEf`,
    }, { VpcConfig: { SubnetIds: ['subnet-0a1b2c3d4e5f60012'], SecurityGroupIds: ['sg-0a1b2c3d4e5f60054'], VpcId: 'vpc-0a1b2c3d4e5f60001', Ipv6AllowedForDualStack: false } }),
    fn('cron', null, { VpcConfig: { SubnetIds: [], SecurityGroupIds: [], VpcId: '' } }),
    fn('internal', { STAGE: 'prod' }),
  ] },
  [`${R}/lambda-get-function-url-config/webhook.json`]: { FunctionUrl: 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/',
    FunctionArn: fnArn('webhook'), AuthType: 'NONE', CreationTime: '2025-01-01T00:00:00.000000Z', LastModifiedTime: '2025-01-01T00:00:00.000000Z', InvokeMode: 'BUFFERED' },
  [`${R}/lambda-get-function-url-config/internal.json`]: { FunctionUrl: 'https://zyxwvutsrqponmlkjihgfedcba543210.lambda-url.us-east-1.on.aws/',
    FunctionArn: fnArn('internal'), AuthType: 'AWS_IAM', CreationTime: '2025-01-01T00:00:00.000000Z', LastModifiedTime: '2025-01-01T00:00:00.000000Z' },
  [`${R}/lambda-get-function-url-config/cron.json`]: { Error: { Code: 'ResourceNotFoundException', Message: 'The resource you requested does not exist.' } },
  [`${R}/lambda-get-policy/webhook.json`]: { Policy: JSON.stringify(resourcePolicy), RevisionId: '1a2b3c4d-1234-5678-9abc-def012345678' },
  [`${R}/lambda-get-policy/cron.json`]: { Error: { Code: 'ResourceNotFoundException', Message: 'The resource you requested does not exist.' } },
  [`${R}/lambda-get-policy/internal.json`]: accessDenied('lambda:GetPolicy'),
  [`${A}/eu-west-1/lambda-list-functions.json`]: accessDenied('lambda:ListFunctions'),
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: Lambda', () => {
  const webhook = fnArn('webhook');

  it('emits functions keyed by ARN with runtime and role, and environment variable names only', () => {
    const a = d.asset(webhook);
    expect(a).toMatchObject({ kind: 'aws.lambda.function', name: 'webhook', properties: { Runtime: 'python3.12', Role: `arn:aws:iam::${A}:role/webhook-role` } });
    expect(a?.properties?.Environment).toEqual({ VariableNames: ['API_TOKEN', 'AWS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'DB_PASSWORD_SECRET_ARN',
      'GITHUB_TOKEN', 'LOG_LEVEL', 'SIGNING_KEY', 'SLACK_WEBHOOK', 'TOKEN_TTL'] });
    expect(d.asset(fnArn('cron'))?.properties).not.toHaveProperty('Environment');
    expect(d.scopeOf(webhook)).toBe(`aws:${A}:us-east-1:lambda`);
  });

  it('never stores a variable value: not in assets, findings, edges or coverage', () => {
    const all = JSON.stringify(d.records);
    for (const secret of [...Object.values(SECRETS), 'changeme']) expect(all).not.toContain(secret);
    expect(all).not.toContain(SECRETS.privateKey.split('\n')[1]);
  });

  it('reads the function URL (AuthType NONE is public) and the resource policy, "none" answers as null', () => {
    expect(d.asset(webhook)?.properties).toMatchObject({ PublicUrl: true, FunctionUrlConfig: { AuthType: 'NONE' }, Policy: resourcePolicy });
    expect(d.asset(fnArn('internal'))?.properties).toMatchObject({ PublicUrl: false, FunctionUrlConfig: { AuthType: 'AWS_IAM' } });
    expect(d.asset(fnArn('cron'))?.properties).toMatchObject({ PublicUrl: false, FunctionUrlConfig: null, Policy: null });
  });

  it('links a function to its role and VPC placement', () => {
    expect(d.edgesOf(webhook)).toEqual([['has_role', `arn:aws:iam::${A}:role/webhook-role`],
      ['in_security_group', `arn:aws:ec2:us-east-1:${A}:security-group/sg-0a1b2c3d4e5f60054`],
      ['in_subnet', `arn:aws:ec2:us-east-1:${A}:subnet/subnet-0a1b2c3d4e5f60012`], ['in_vpc', `arn:aws:ec2:us-east-1:${A}:vpc/vpc-0a1b2c3d4e5f60001`]]);
    expect(d.edgesOf(fnArn('cron'))).toEqual([['has_role', `arn:aws:iam::${A}:role/cron-role`]]);
  });

  it('emits one secret finding per secret found, redacted, on the function, in the lambda scope', () => {
    const findings = d.findings();
    expect(findings.map((f) => [f.evidence?.variable, f.evidence?.detector, f.severity]).sort()).toEqual([
      ['AWS_KEY_ID', 'aws-access-key-id', 'high'],
      ['AWS_SECRET_ACCESS_KEY', 'aws-secret-access-key', 'critical'],
      ['DB_PASSWORD', 'generic-secret', 'medium'],
      ['GITHUB_TOKEN', 'github-token', 'high'],
      ['SIGNING_KEY', 'private-key', 'critical'],
      ['SLACK_WEBHOOK', 'slack-token', 'high'],
    ]);
    const key = findings.find((f) => f.evidence?.variable === 'AWS_KEY_ID');
    expect(key).toMatchObject({ kind: 'secret', ruleId: 'aws.lambda.environment-secret', assetUid: webhook, scope: `aws:${A}:us-east-1:lambda`,
      evidence: { redacted: 'AKIA…(20 chars)', function: webhook } });
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  it('keeps the same fingerprint for the same value and changes it when the value is rotated', async () => {
    const again = await readDump(files);
    expect(again.findings().map((f) => f.fingerprint).sort()).toEqual(d.findings().map((f) => f.fingerprint).sort());
    const rotated = await readDump({ [`${R}/lambda-list-functions.json`]: { Functions: [fn('webhook', { AWS_KEY_ID: ['AKIA', 'ROTATEDROTATED00'].join('') })] } });
    const before = d.findings().find((f) => f.evidence?.variable === 'AWS_KEY_ID')?.fingerprint;
    expect(rotated.findings()).toHaveLength(1);
    expect(rotated.findings()[0]?.fingerprint).not.toBe(before);
  });

  it('makes the scope partial on a refused per-function call and failed on a refused list', () => {
    expect(d.asset(fnArn('internal'))?.properties?.CollectionErrors).toEqual({ 'lambda-get-policy': expect.stringMatching(/^lambda-get-policy\/internal: AccessDenied/) as unknown });
    expect(d.coverage(`aws:${A}:us-east-1:lambda`)).toMatchObject([{ coverage: 'partial' }]);
    expect(d.coverage(`aws:${A}:eu-west-1:lambda`)).toMatchObject([{ coverage: 'failed' }]);
  });
});

describe('secrets in environment variables', () => {
  it('finds tokens inside longer values and redacts them to 4 characters and a length', () => {
    const [hit] = scanEnvironment({ CONFIG: `{"url":"https://x","token":"${SECRETS.github}"}` });
    expect(hit).toMatchObject({ variable: 'CONFIG', detector: 'github-token', redacted: `ghp_…(${SECRETS.github.length} chars)` });
    expect(redact('abcdefgh')).toBe('abcd…(8 chars)');
  });

  it('ignores references, placeholders, numbers and values under names that do not say secret', () => {
    expect(scanEnvironment({
      DB_PASSWORD_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:x', API_KEY: '{{resolve:ssm:/prod/key}}', CLIENT_SECRET: '/prod/client/secret',
      API_TOKEN: 'changeme', TOKEN_TTL: '3600', GREETING: SECRETS.password, PASSWORD: 'short',
    })).toEqual([]);
  });

  it('needs the variable name to call a 40-character string an AWS secret key', () => {
    expect(scanEnvironment({ CHECKSUM: SECRETS.secretKey })).toEqual([]);
    expect(scanEnvironment({ AWS_SECRET: SECRETS.secretKey }).map((h) => h.detector)).toEqual(['aws-secret-access-key']);
  });

  it('gives the same digest to the same secret under another name, and never returns the value', () => {
    const [a] = scanEnvironment({ A_TOKEN: SECRETS.slack });
    const [b] = scanEnvironment({ B_TOKEN: SECRETS.slack });
    expect(a?.digest).toBe(b?.digest);
    expect(JSON.stringify([a, b])).not.toContain(SECRETS.slack);
  });
});
