import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { spdxTagValue } from './parser.js';
import { parseSpdxTagValue } from './tag-value.js';

async function parse(text: string, name = 'sbom.spdx'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of spdxTagValue.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

const DOC = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: shop
Creator: Tool: trivy-0.50.0

##### Package: shop
PackageName: shop
SPDXID: SPDXRef-app
PackageVersion: 2.1.0
PackageComment: <text>spans
several: lines
</text>
ExternalRef: PACKAGE-MANAGER purl pkg:npm/shop@2.1.0

PackageName: lodash
SPDXID: SPDXRef-lodash
PackageVersion: 4.17.20
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: MIT
ExternalRef: PACKAGE-MANAGER purl pkg:npm/lodash@4.17.20
ExternalRef: SECURITY advisory https://example.com/a/1
ExternalRefComment: see CVE-2021-23337

FileName: ./index.js
SPDXID: SPDXRef-file
PackageVersion: 9.9.9

Annotator: Tool: trivy-0.50.0
AnnotationDate: 2024-01-01T00:00:00Z
AnnotationType: OTHER
SPDXREF: SPDXRef-lodash
AnnotationComment: FilePath: app/node_modules/lodash/package.json

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app
`;

describe('spdx-tag-value', () => {
  it('converts to the JSON shape: packages up to the next file section, references, annotations, relationships', () => {
    expect(parseSpdxTagValue(DOC, 'sbom.spdx')).toEqual({
      spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'shop', creationInfo: { creators: ['Tool: trivy-0.50.0'] },
      packages: [
        { name: 'shop', SPDXID: 'SPDXRef-app', versionInfo: '2.1.0', attributionTexts: [], annotations: [],
          externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/shop@2.1.0' }] },
        { name: 'lodash', SPDXID: 'SPDXRef-lodash', versionInfo: '4.17.20', licenseConcluded: 'NOASSERTION', licenseDeclared: 'MIT', attributionTexts: [],
          annotations: [{ annotator: 'Tool: trivy-0.50.0', comment: 'FilePath: app/node_modules/lodash/package.json' }],
          externalRefs: [
            { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/lodash@4.17.20' },
            { referenceCategory: 'SECURITY', referenceType: 'advisory', referenceLocator: 'https://example.com/a/1', comment: 'see CVE-2021-23337' },
          ] },
      ],
      relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-app' }],
    });
  });

  it('yields the subject, its packages and the advisory named in a reference comment', async () => {
    const rs = await parse(DOC);
    const asset = rs.find((r) => r.type === 'asset');
    expect(asset?.type === 'asset' && asset.asset.uid).toBe('pkg:npm/shop');
    expect(rs.flatMap((r) => (r.type === 'package' ? [[r.package.name, r.package.path, r.package.licenses]] : []))).toEqual([
      ['lodash', 'app/node_modules/lodash/package.json', ['MIT']],
    ]);
    expect(rs.flatMap((r) => (r.type === 'finding' ? [r.finding.advisoryId] : []))).toEqual(['CVE-2021-23337']);
    expect(rs.filter((r) => r.type === 'coverage').map((r) => r.scope)).toEqual([
      'spdx-tag-value:pkg:npm/shop', 'spdx-tag-value:pkg:npm/shop#packages', 'spdx-tag-value:pkg:npm/shop#vulnerabilities',
    ]);
  });

  it('names the file and the line of what it cannot read', async () => {
    const cases: [string, RegExp][] = [
      [DOC.replace('PackageVersion: 4.17.20', 'this is not a tag'), /sbom\.spdx: SPDX tag-value line 18: expected "Tag: value"/],
      [DOC.replace('several: lines\n</text>', 'several: lines'), /sbom\.spdx: SPDX tag-value line 11: <text> not closed/],
      [DOC.replace('SPDXRef-DOCUMENT DESCRIBES SPDXRef-app', 'SPDXRef-DOCUMENT DESCRIBES'), /Relationship needs/],
      [DOC.replace('ExternalRef: PACKAGE-MANAGER purl pkg:npm/shop@2.1.0', 'ExternalRef: purl'), /ExternalRef needs/],
      [DOC.replace('SPDXID: SPDXRef-lodash\n', ''), /SPDX field packages\[1\]\.SPDXID/],
    ];
    for (const [text, message] of cases) {
      const e = await parse(text).then(() => undefined, (err: unknown) => err);
      expect(e, String(message)).toBeInstanceOf(MothershipError);
      expect((e as Error).message).toMatch(message);
    }
  });
});
