import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from '../../model/index.js';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { prowlerOcsfJson } from '../prowler-ocsf/parser.js';
import { DOJO_DIR } from '../prowler/dojo-corpus.js';
import { trivyJson } from '../trivy/parser.js';
import { asffJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const REAL = join(DOJO_DIR, 'awssecurityhub', 'inspector_ecr.json');
const A = '123456789012';
const DIGEST = `sha256:${'cd'.repeat(32)}`;
const IMAGE = `${A}.dkr.ecr.eu-central-1.amazonaws.com/shop/api@${DIGEST}`;
const ROLE = `arn:aws:iam::${A}:role/deploy`;
const day = (d: number) => new Date(Date.UTC(2026, 2, d));

/** Trivy's report on the ECR image Inspector also scanned. */
const trivyReport = JSON.stringify({
  SchemaVersion: 2, ArtifactName: `${A}.dkr.ecr.eu-central-1.amazonaws.com/shop/api:1.4`, ArtifactType: 'container_image',
  Metadata: { OS: { Family: 'debian', Name: '12.4' }, ImageID: `sha256:${'ef'.repeat(32)}`, RepoDigests: [IMAGE] },
  Results: [{ Target: 'shop/api (debian 12.4)', Class: 'os-pkgs', Type: 'debian', Vulnerabilities: [
    { VulnerabilityID: 'CVE-2024-0727', PkgName: 'openssl', InstalledVersion: '3.0.11-1~deb12u2', FixedVersion: '3.0.13-1~deb12u1', Severity: 'MEDIUM' },
  ] }],
});

/** A Security Hub export: Inspector's finding on that image, Prowler's on a role. */
function hubExport(workflow: string): string {
  return JSON.stringify({ Findings: [
    {
      SchemaVersion: '2018-10-08', Id: `arn:aws:inspector2:eu-central-1:${A}:finding/1`, ProductArn: 'arn:aws:securityhub:eu-central-1::product/aws/inspector',
      GeneratorId: 'AWSInspector', AwsAccountId: A, Region: 'eu-central-1', Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
      Title: 'CVE-2024-0727 - openssl', Severity: { Label: 'MEDIUM' }, Workflow: { Status: workflow }, RecordState: 'ACTIVE',
      ProductFields: { 'aws/inspector/resources/1/resourceDetails/awsEcrContainerImageDetails/platform': 'DEBIAN_12' },
      Resources: [{ Type: 'AwsEcrContainerImage', Id: `arn:aws:ecr:eu-central-1:${A}:repository/shop/api/${DIGEST}`, Region: 'eu-central-1',
        Details: { AwsEcrContainerImage: { RegistryId: A, RepositoryName: 'shop/api', ImageDigest: DIGEST } } }],
      Vulnerabilities: [{ Id: 'CVE-2024-0727', VulnerablePackages: [{ Name: 'openssl', Version: '3.0.11', Release: '1~deb12u2', PackageManager: 'OS' }] }],
    },
    {
      SchemaVersion: '2018-10-08', Id: `prowler-iam_role_administratoraccess_policy-${A}-us-east-1-x`, ProductArn: 'arn:aws:securityhub:us-east-1::product/prowler/prowler',
      GeneratorId: 'prowler-iam_role_administratoraccess_policy', AwsAccountId: A, Types: ['IAM'], Title: 'Role has AdministratorAccess',
      Description: 'Role deploy has AdministratorAccess.', Severity: { Label: 'HIGH' }, Workflow: { Status: workflow }, RecordState: 'ACTIVE',
      ProductFields: { ProviderName: 'Prowler', ProviderVersion: '3.3.0', ProwlerResourceName: 'deploy' },
      Resources: [{ Type: 'AwsIamRole', Id: ROLE, Partition: 'aws', Region: 'us-east-1' }], Compliance: { Status: 'FAILED' },
    },
  ] });
}

/** Prowler's own report of the same role check. */
const prowlerReport = JSON.stringify([{
  metadata: { event_code: 'iam_role_administratoraccess_policy', product: { name: 'Prowler', vendor_name: 'Prowler' } },
  severity: 'High', status: 'New', status_code: 'FAIL', status_detail: 'Role deploy has AdministratorAccess.',
  finding_info: { title: 'Role has AdministratorAccess', uid: `prowler-aws-iam_role_administratoraccess_policy-${A}-us-east-1-deploy` },
  resources: [{ uid: ROLE, name: 'deploy', type: 'AwsIamRole', region: 'us-east-1' }],
  cloud: { provider: 'aws', region: 'us-east-1', account: { uid: A } },
}]);

function ingest(db: Db, parser: Parser, name: string, text: string, now: Date) {
  return ingestText(db, parser, name, text, now);
}

/** Each finding on an asset with the sources that report it. */
const seenBy = (db: Db, asset: string) => db.query<{ status: string; sources: string[] }>(
  `select f.status, array(select s.source from finding_sources s where s.finding_id = f.id order by s.source) as sources
   from findings f where f.asset_uid = $1`, [asset]);

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'asff-json: a real Security Hub export through the scoped sync'
  : 'asff-json real export: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, and changes no row when it is ingested again', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, asffJson, 'inspector_ecr.json', text, day(1));
    expect(first.status).toBe('succeeded');
    expect(first.counts.findings.new).toBe(7);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, asffJson, 'inspector_ecr.json', text, day(2));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('asff-json meets other tools on the same problems', () => {
  it('merges Inspector with Trivy on the ECR image, and Prowler-through-Security-Hub with Prowler on the role', async () => {
    await ingest(t.db, trivyJson, 'trivy.json', trivyReport, day(3));
    await ingest(t.db, prowlerOcsfJson, 'prowler.ocsf.json', prowlerReport, day(3));
    const r = await ingest(t.db, asffJson, 'hub.json', hubExport('NEW'), day(3));
    expect(r.counts.findings).toMatchObject({ seen: 2, new: 0 });
    expect(await seenBy(t.db, IMAGE)).toEqual([{ status: 'open', sources: ['asff-json', 'trivy-json'] }]);
    expect(await seenBy(t.db, ROLE)).toEqual([{ status: 'open', sources: ['asff-json', 'prowler'] }]);
    // The image is Trivy's definition; Security Hub only pointed at it.
    const [image] = await t.db.query<{ reference: boolean; source: string }>('select reference, source from assets where uid = $1', [IMAGE]);
    expect(image).toEqual({ reference: false, source: 'trivy-json' });
  });

  it('drops its own sighting when Security Hub marks findings resolved, and the other tools keep them open', async () => {
    const r = await ingest(t.db, asffJson, 'hub.json', hubExport('RESOLVED'), day(4));
    expect(r.counts.findings).toMatchObject({ seen: 0, resolved: 0 });
    expect(await seenBy(t.db, IMAGE)).toEqual([{ status: 'open', sources: ['trivy-json'] }]);
    expect(await seenBy(t.db, ROLE)).toEqual([{ status: 'open', sources: ['prowler'] }]);
  });
});
