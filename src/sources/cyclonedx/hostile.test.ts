import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord, Parser } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { cyclonedxJson, cyclonedxXml } from './parser.js';

async function parse(parser: Parser, text: string, name: string): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

/** The error a parse ends with, or a failure when it does not throw. */
async function parseError(parser: Parser, text: string, name = 'bom.json'): Promise<MothershipError> {
  try {
    await parse(parser, text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const component = { type: 'library', 'bom-ref': 'c1', name: 'left-pad', version: '1.0.0', purl: 'pkg:npm/left-pad@1.0.0' };
const vuln = { id: 'CVE-2024-0001', ratings: [{ severity: 'high' }], affects: [{ ref: 'c1' }] };
const doc = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [component], vulnerabilities: [vuln], ...extra });

describe('cyclonedx-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{ "bomFormat": "CycloneDX", "specVersion": "1.6", "__proto__": { "polluted": "top" },
      "metadata": { "component": { "type": "application", "name": "evil", "__proto__": { "polluted": "subject" } } },
      "components": [ { "type": "library", "bom-ref": "c1", "name": "left-pad", "purl": "pkg:npm/left-pad@1.0.0",
        "properties": [ { "name": "__proto__", "value": "x" } ], "__proto__": { "polluted": "component" } } ],
      "vulnerabilities": [ { "id": "CVE-2024-0001", "affects": [ { "ref": "c1" } ], "__proto__": { "polluted": "vuln" },
        "ratings": [ { "severity": "high", "__proto__": { "polluted": "rating" } } ] } ] }`;
    const rs = await parse(cyclonedxJson, text, 'bom.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
    expect(JSON.stringify(rs)).not.toContain('polluted');
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = doc();
    const e = await parseError(cyclonedxJson, whole.slice(0, whole.length - 15), 'nightly.cdx.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('nightly.cdx.json');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(cyclonedxJson, doc({ components: [component, { ...component, version: 5 }] }), 'scan-42.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('scan-42.json');
    expect(e.message).toContain('CycloneDX field components[1].version');
    expect(e.message).toMatch(/expected string/);

    const field = async (extra: Record<string, unknown>) => (await parseError(cyclonedxJson, doc(extra))).message;
    expect(await field({ vulnerabilities: [vuln, { ...vuln, ratings: [{ score: 'high' }] }] })).toContain('vulnerabilities[1].ratings[0].score');
    expect(await field({ vulnerabilities: [{ ...vuln, id: undefined }] })).toContain('vulnerabilities[0].id');
    expect(await field({ components: [{ ...component, components: [{ name: 'x', licenses: 'MIT' }] }] })).toContain('components[0].components[0].licenses');
    expect(await field({ metadata: { component: { name: ['x'] } } })).toContain('metadata.component.name');
    expect(await field({ components: 'all of them' })).toContain('field components:');
    expect(await field({ bomFormat: 'SPDX' })).toContain('field bomFormat');
  });

  it('refuses nesting deep enough to exhaust the stack', async () => {
    const deep = `{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const e = await parseError(cyclonedxJson, deep);
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/nested deeper/);
  });
});

const xmlDoc = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
  <components><component type="library" bom-ref="c1"><name>left-pad</name><version>1.0.0</version><purl>pkg:npm/left-pad@1.0.0</purl></component></components>
  <vulnerabilities><vulnerability><id>CVE-2024-0001</id><ratings><rating><score>7.5</score></rating></ratings><affects><target><ref>c1</ref></target></affects></vulnerability></vulnerabilities>
</bom>`;

describe('cyclonedx-xml on hostile input', () => {
  it('refuses a DOCTYPE, entity declarations above all, without expanding anything', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>&b;</name></component></components></bom>`;
    const e = await parseError(cyclonedxXml, bomb, 'bomb.xml');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('bomb.xml');
    expect(e.message).toMatch(/DOCTYPE with entity declarations refused/);
    const external = '<?xml version="1.0"?><!DOCTYPE bom SYSTEM "file:///etc/passwd"><bom xmlns="http://cyclonedx.org/schema/bom/1.4"/>';
    expect((await parseError(cyclonedxXml, external, 'x.xml')).message).toMatch(/DOCTYPE refused/);
  });

  it('leaves unknown entities as text and decodes only the predefined ones', async () => {
    const rs = await parse(cyclonedxXml, xmlDoc.replace('<name>left-pad</name>', '<name>left&amp;pad&foo;&#x41;</name>'), 'bom.xml');
    const pkg = rs.find((r) => r.type === 'package');
    expect(pkg?.type === 'package' && pkg.package.name).toBe('left&pad&foo;A');
  });

  it('names the file and the line when the XML is truncated', async () => {
    const e = await parseError(cyclonedxXml, xmlDoc.slice(0, xmlDoc.length - 40), 'nightly.cdx.xml');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('nightly.cdx.xml');
    expect(e.message).toMatch(/invalid XML at line \d+, column \d+/);
  });

  it('refuses __proto__ elements, wrong values and deep nesting with the file named', async () => {
    const proto = await parseError(cyclonedxXml, xmlDoc.replace('<components>', '<__proto__><polluted>1</polluted></__proto__><components>'), 'p.xml');
    expect(proto.message).toMatch(/^p\.xml: invalid XML/);
    expect(Object.prototype).not.toHaveProperty('polluted');

    const score = await parseError(cyclonedxXml, xmlDoc.replace('<score>7.5</score>', '<score>high</score>'), 's.xml');
    expect(score.message).toContain('s.xml: CycloneDX field vulnerabilities[0].ratings[0].score');

    const noRef = await parseError(cyclonedxXml, xmlDoc.replace('<ref>c1</ref>', ''), 'r.xml');
    expect(noRef.message).toContain('vulnerabilities[0].affects[0].ref');

    const deep = `<bom xmlns="http://cyclonedx.org/schema/bom/1.4">${'<a>'.repeat(500)}${'</a>'.repeat(500)}</bom>`;
    expect((await parseError(cyclonedxXml, deep, 'd.xml')).message).toMatch(/^d\.xml: invalid XML: .*nested/i);
  });

  it('refuses XML that is not a CycloneDX BOM', async () => {
    const e = await parseError(cyclonedxXml, '<project xmlns="http://maven.apache.org/POM/4.0.0"/>', 'pom.xml');
    expect(e.message).toContain('not a CycloneDX XML document');
  });
});
