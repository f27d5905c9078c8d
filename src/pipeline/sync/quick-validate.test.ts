import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingDraft, PackageDraft } from '../../model/index.js';
import { quickFinding, quickPackage } from './quick-validate.js';

/** Values a field may hold: right ones, wrong ones, and the odd objects zod treats specially. */
const anyValue = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.string(), fc.constant(''), fc.integer(), fc.boolean(),
  fc.constantFrom('vuln', 'config', 'high', 'critical', 'pkg:npm/a@1', 'urgent'),
  fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.string()), fc.array(fc.oneof(fc.string(), fc.integer())),
  fc.constant(JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as unknown), fc.constant({ constructor: 1, a: 2 }),
  fc.constant(Object.assign(Object.create(null) as object, { a: 1 })), fc.constant({ [Symbol('s')]: 1, a: 1 }),
  // eslint-disable-next-line no-sparse-arrays -- a hole, which zod reads as undefined
  fc.constant(new Date(0)), fc.constant([, 'hole'] as unknown),
);

function sameAnswer<T>(quick: (v: unknown) => T | undefined, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, input: unknown): void {
  const fast = quick(input);
  const slow = schema.safeParse(input);
  if (!slow.success) expect(fast).toBeUndefined();
  else if (fast !== undefined) {
    expect(fast).toEqual(slow.data);
    // What the stager stores is the JSON text: it must match to the byte.
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  }
}

describe('quick validation agrees with the model schemas', () => {
  const findingKeys = ['fingerprint', 'kind', 'ruleId', 'advisoryId', 'title', 'description', 'severity', 'assetUid', 'packagePurl',
    'owner', 'evidence', 'remediation', 'properties', 'originalId', 'extra'];
  const packageKeys = ['assetUid', 'purl', 'ecosystem', 'name', 'version', 'sourceName', 'sourceVersion', 'layerDigest', 'path', 'licenses', 'extra'];
  const good = {
    finding: { fingerprint: 'fp', kind: 'vuln', title: 't', severity: 'high', evidence: { a: [1, { b: 2 }] }, properties: { '1': 1, z: 'x' } },
    package: { assetUid: 'a', purl: 'pkg:npm/a@1', ecosystem: 'npm', name: 'a', version: '1', licenses: ['MIT'] },
  };

  it('on findings', () => {
    fc.assert(fc.property(fc.record(Object.fromEntries(findingKeys.map((k) => [k, anyValue])), { requiredKeys: [] }), (override) => {
      sameAnswer(quickFinding, FindingDraft, { ...good.finding, ...override });
      sameAnswer(quickFinding, FindingDraft, override);
    }), { numRuns: 2000 });
    expect(quickFinding(good.finding)).toBeDefined(); // the usual record takes the quick path
  });

  it('on packages', () => {
    fc.assert(fc.property(fc.record(Object.fromEntries(packageKeys.map((k) => [k, anyValue])), { requiredKeys: [] }), (override) => {
      sameAnswer(quickPackage, PackageDraft, { ...good.package, ...override });
    }), { numRuns: 2000 });
    expect(quickPackage(good.package)).toBeDefined();
  });
});
