import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { trivyJson } from '../trivy/parser.js';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of `aws ecr describe-repositories`, `describe-images --repository-name` and `get-repository-policy`.
const A = '111122223333';
const R = `${A}/us-east-1`;
const HOST = `${A}.dkr.ecr.us-east-1.amazonaws.com`;
const DIGEST = `sha256:${'a1'.repeat(32)}`;
const OLD = `sha256:${'b2'.repeat(32)}`;
const repoArn = (name: string) => `arn:aws:ecr:us-east-1:${A}:repository/${name}`;
const repo = (name: string) => ({
  repositoryArn: repoArn(name), registryId: A, repositoryName: name, repositoryUri: `${HOST}/${name}`, createdAt: '2025-01-01T00:00:00+00:00',
  imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: 'AES256' },
});
const image = (name: string, digest: string, tags: string[] | undefined) => ({
  registryId: A, repositoryName: name, imageDigest: digest, ...(tags ? { imageTags: tags } : {}), imageSizeInBytes: 52428800,
  imagePushedAt: '2025-03-01T10:00:00+00:00', imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  artifactMediaType: 'application/vnd.docker.container.image.v1+json', lastRecordedPullTime: '2025-03-10T10:00:00+00:00',
});
const pullPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'AllowPull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' },
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] };

const files: Record<string, unknown> = {
  [`${R}/ecr-describe-repositories.json`]: { repositories: [repo('shop/api'), repo('batch'), repo('legacy')] },
  [`${R}/ecr-describe-images/shop/api.json`]: { imageDetails: [image('shop/api', DIGEST, ['1.4.2', 'latest']), image('shop/api', OLD, undefined)] },
  [`${R}/ecr-get-repository-policy/shop/api.json`]: { registryId: A, repositoryName: 'shop/api', policyText: JSON.stringify(pullPolicy) },
  [`${R}/ecr-describe-images/batch.json`]: { imageDetails: [] },
  [`${R}/ecr-get-repository-policy/batch.json`]: { Error: { Code: 'RepositoryPolicyNotFoundException', Message: 'Repository policy does not exist' } },
  [`${R}/ecr-describe-images/legacy.json`]: accessDenied('ecr:DescribeImages'),
};

// The smallest Trivy image report naming the same image by its digest.
const trivyReport = { SchemaVersion: 2, CreatedAt: '2026-01-10T08:00:00Z', ArtifactName: `${HOST}/shop/api:1.4.2`, ArtifactType: 'container_image',
  Metadata: { OS: { Family: 'alpine', Name: '3.20.3' }, ImageID: `sha256:${'c3'.repeat(32)}`, DiffIDs: [], RepoTags: [`${HOST}/shop/api:1.4.2`],
    RepoDigests: [`${HOST}/shop/api@${DIGEST}`], ImageConfig: { architecture: 'amd64', os: 'linux', config: {} } }, Results: [] };

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: ECR', () => {
  const imageUid = `${HOST}/shop/api@${DIGEST}`;

  it('emits repositories with their parsed policy ("none" as null) and image count', () => {
    expect(d.asset(repoArn('shop/api'))).toMatchObject({ kind: 'aws.ecr.repository', name: 'shop/api', properties: { Policy: pullPolicy, ImageCount: 2 } });
    expect(d.asset(repoArn('batch'))?.properties).toMatchObject({ Policy: null, ImageCount: 0 });
    expect(d.scopeOf(repoArn('batch'))).toBe(`aws:${A}:us-east-1:ecr`);
  });

  it('emits images as container.image references keyed <registry>/<repo>@sha256, contained by the repository', () => {
    expect(d.asset(imageUid)).toMatchObject({ kind: 'container.image', provider: 'container', reference: true, name: `${HOST}/shop/api:1.4.2`,
      properties: { registry: HOST, repository: 'shop/api', digest: DIGEST, imageTags: ['1.4.2', 'latest'] } });
    expect(d.asset(`${HOST}/shop/api@${OLD}`)).toMatchObject({ name: `${HOST}/shop/api@${OLD}` });
    expect(d.edgesOf(repoArn('shop/api'))).toEqual([['contains', imageUid], ['contains', `${HOST}/shop/api@${OLD}`]]);
    expect(d.edges(repoArn('shop/api'), 'contains')[0]?.properties).toMatchObject({ imageTags: ['1.4.2', 'latest'], imagePushedAt: '2025-03-01T10:00:00+00:00' });
  });

  it('names the image exactly as a Trivy report of it does, so both are one asset', async () => {
    const records: NormalizedRecord[] = [];
    for await (const r of trivyJson.parse(memoryReportFile('api.json', JSON.stringify(trivyReport)))) records.push(r);
    const trivyImages = records.flatMap((r) => (r.type === 'asset' && r.asset.kind === 'container.image' ? [r.asset.uid] : []));
    expect(trivyImages).toEqual([imageUid]);
  });

  it('keeps the scope partial when a repository\'s images were refused', () => {
    expect(d.coverage(`aws:${A}:us-east-1:ecr`)).toMatchObject([{ coverage: 'partial', error: expect.stringMatching(/^ecr-describe-images\/legacy: AccessDenied/) as unknown }]);
    expect(d.asset(repoArn('legacy'))?.properties).not.toHaveProperty('ImageCount');
  });

  it('states the scope partial when a repository\'s images were not collected', async () => {
    const partial = await readDump({ [`${R}/ecr-describe-repositories.json`]: { repositories: [repo('batch')] } });
    expect(partial.coverage(`aws:${A}:us-east-1:ecr`)).toMatchObject([{ coverage: 'partial', error: 'ecr-describe-images/batch: not collected' }]);
  });
});
