import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Parser } from '../../model/index.js';
import { memoryReportFile, openReportFile } from '../report-file.js';
import { PARSERS } from '../registry.js';
import { spdxJson, spdxTagValue } from '../spdx/parser.js';
import { trivyJson } from '../trivy/parser.js';
import { cyclonedxJson, cyclonedxXml } from './parser.js';

/**
 * Sniffing must be unambiguous: over every file of the corpus (DefectDojo's samples of all tools, Trivy's
 * goldens, the SBOM samples), each SBOM parser accepts exactly the files of its format, and no other
 * registered parser accepts those.
 */
const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const MINE = [cyclonedxJson, cyclonedxXml, spdxJson, spdxTagValue];
const OTHERS: Parser[] = [trivyJson, ...PARSERS].filter((p, i, all) => !MINE.some((m) => m.id === p.id) && all.findIndex((x) => x.id === p.id) === i);

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (!name.endsWith('.md') && name !== 'index.json' && !name.endsWith('.yaml')) yield path;
  }
}

/** Which of our parsers should read a corpus file, from the corpus's own labels. */
function expectedFormat(rel: string, sbomFormats: Map<string, string>, goldenFormats: Map<string, string>): string | undefined {
  const [top, tool, ...rest] = rel.split('/');
  const file = rest.join('/');
  if (top === 'defectdojo') {
    if (tool === 'cyclonedx') return file.endsWith('.xml') ? 'cyclonedx-xml' : 'cyclonedx-json';
    if (tool === 'spdx') return file.endsWith('.json') ? 'spdx-json' : 'spdx-tag-value';
    return undefined;
  }
  if (top === 'sbom') {
    const format = sbomFormats.get(`${tool}/${file}`) ?? '';
    if (format.startsWith('CycloneDX XML')) return 'cyclonedx-xml';
    if (format.startsWith('CycloneDX')) return 'cyclonedx-json';
    if (/^SPDX-2.*JSON/.test(format) || format.startsWith('SPDX 3')) return 'spdx-json';
    if (/^SPDX.*tag-value/.test(format)) return 'spdx-tag-value';
    return undefined;
  }
  if (top === 'trivy-golden') {
    const format = goldenFormats.get([tool, ...rest].join('/'));
    if (format === 'cyclonedx-json' || format === 'spdx-json') return format;
    // The input SBOMs of Trivy's tests (fixtures/sbom) are labelled by their names.
    if (tool === 'fixtures' && rest[0] === 'sbom') {
      if (/cyclonedx\.json$|kbom\.json$/.test(file)) return 'cyclonedx-json';
      if (/spdx\.json$/.test(file)) return 'spdx-json';
      if (/spdx\.txt$/.test(file)) return 'spdx-tag-value';
    }
  }
  return undefined;
}

describe.skipIf(!existsSync(CORPUS))(existsSync(CORPUS) ? 'SBOM parsers sniff the corpus unambiguously'
  : 'SBOM sniffing: skipped, ../shared/corpus not found', () => {
  it('accepts exactly the files of its format, and no other parser accepts them', async () => {
    const sbomFormats = new Map((JSON.parse(readFileSync(join(CORPUS, 'sbom', 'index.json'), 'utf8')) as { file: string; format: string }[])
      .map((e) => [e.file, e.format]));
    const goldenFormats = new Map((JSON.parse(readFileSync(join(CORPUS, 'trivy-golden', 'index.json'), 'utf8')) as { files: { file: string; format: string }[] })
      .files.map((e) => [e.file, e.format]));
    let mine = 0;
    for (const dir of ['defectdojo', 'sbom', 'trivy-golden']) {
      for (const path of walk(join(CORPUS, dir))) {
        const rel = relative(CORPUS, path);
        const file = await openReportFile(path);
        const want = expectedFormat(rel, sbomFormats, goldenFormats);
        const got = MINE.filter((p) => p.accepts(file)).map((p) => p.type);
        expect(got, rel).toEqual(want ? [want] : []);
        if (want) {
          mine++;
          expect(OTHERS.filter((p) => p.accepts(file)).map((p) => p.id), rel).toEqual([]);
        }
      }
    }
    expect(mine).toBeGreaterThan(50);
  });

  it('looks at content, not at the file name', () => {
    const bom = '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []}';
    expect(cyclonedxJson.accepts(memoryReportFile('scan.txt', bom))).toBe(true);
    expect(cyclonedxJson.accepts(memoryReportFile('bom.cdx.json', '{"SchemaVersion": 2, "Results": []}'))).toBe(false);
    expect(cyclonedxXml.accepts(memoryReportFile('x', '\uFEFF  <?xml version="1.0"?>\n<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.6"/>'))).toBe(true);
    expect(cyclonedxXml.accepts(memoryReportFile('bom.xml', '<bom xmlns="http://example.com/bom/1.4"/>'))).toBe(false);
    expect(spdxJson.accepts(memoryReportFile('x.json', '{"spdxVersion": "SPDX-2.3", "packages": []}'))).toBe(true);
    expect(spdxJson.accepts(memoryReportFile('x.spdx.json', bom))).toBe(false);
    // Keys sorted: spdxVersion comes after a package list longer than any head.
    const sorted = `{"SPDXID": "SPDXRef-DOCUMENT", "creationInfo": {}, "packages": [${'{"name": "p"},'.repeat(10_000)}{}], "spdxVersion": "SPDX-2.2"}`;
    expect(spdxJson.accepts(memoryReportFile('x', sorted))).toBe(true);
    expect(spdxTagValue.accepts(memoryReportFile('x.json', '# made by hand\n\nSPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0'))).toBe(true);
    expect(spdxTagValue.accepts(memoryReportFile('x.spdx', 'DataLicense: CC0-1.0\nSPDXVersion: SPDX-2.3'))).toBe(false);
  });
});
