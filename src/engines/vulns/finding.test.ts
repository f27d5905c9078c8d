import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import { AdvisoryIndex } from './advisories.js';
import type { Inheritance } from './attribution.js';
import { fingerprintOf, MatchGroup, vulnFinding } from './finding.js';
import { PackageMatcher, type InstalledPackage, type PackageMatch } from './match.js';
import { advisoryRow, osvRecord } from './osv-fixtures.js';

const index = new AdvisoryIndex();
index.add({ ...advisoryRow(osvRecord('GHSA-aaaa-bbbb-cccc', 'npm', 'left-pad', '0', '1.3.0', { aliases: ['CVE-2099-0001'], summary: 'pads wrongly' })), cvss_score: 7.5 });
index.add({ ...advisoryRow(osvRecord('PYSEC-like-1', 'npm', 'left-pad', '1.0.0', '1.2.0', { aliases: ['CVE-2099-0001'] })), severity: 'critical' });

const pkg = (path: string, layer: string | null): InstalledPackage => ({
  assetUid: 'img', purl: 'pkg:npm/left-pad@1.1.0', path, ecosystem: 'npm', name: 'left-pad', version: '1.1.0', sourceName: null, sourceVersion: null, layerDigest: layer,
});
const matches = (p: InstalledPackage): PackageMatch[] => new PackageMatcher(index).match(p, null);
const inh: Inheritance = { baseImage: 'base@sha256:1', baseOwner: 'team-platform', baseRef: 'base:1', rebuildOn: 'base:1' };

function group(entries: [InstalledPackage, Inheritance | undefined][]): MatchGroup {
  const ms = entries.flatMap(([p, i]) => matches(p).map((m) => [m, i] as const));
  const g = new MatchGroup(fingerprintOf(ms[0]![0]), ms[0]![0].advisory.canonicalId);
  for (const [m, i] of ms) g.add(m, i);
  return g;
}

describe('vuln findings from matches', () => {
  it('twin records of one CVE are one finding: the fingerprint every scanner computes, worst severity, all ids', () => {
    const g = group([[pkg('a/package-lock.json', null), undefined]]);
    expect(g.matches).toHaveLength(2);
    const f = vulnFinding(g);
    expect(f.fingerprint).toBe(vulnFingerprint('img', 'npm', 'left-pad', 'CVE-2099-0001'));
    expect(f.advisoryId).toBe('CVE-2099-0001');
    expect(f.severity).toBe('critical');
    expect(f.title).toBe('pads wrongly');
    expect(f.properties?.aliases).toEqual(['GHSA-aaaa-bbbb-cccc', 'PYSEC-like-1']);
    expect(f.properties?.cvss).toEqual({ score: 7.5, vector: null });
    expect(f.evidence?.advisories).toEqual(['GHSA-aaaa-bbbb-cccc', 'PYSEC-like-1']);
    expect(f.evidence?.fixedVersions).toEqual(['1.2.0', '1.3.0']);
    // 1.2.0 fixes one record, 1.3.0 both.
    expect(f.remediation).toBe('Upgrade left-pad to 1.3.0');
    expect(f.owner).toBeNull();
  });

  it('one package at two paths: occurrences', () => {
    const f = vulnFinding(group([[pkg('a/package-lock.json', null), undefined], [pkg('b/package-lock.json', null), undefined]]));
    expect((f.evidence?.occurrences as { path: string }[]).map((o) => o.path)).toEqual(['a/package-lock.json', 'b/package-lock.json']);
  });

  it('inherited when every occurrence came with the same base image', () => {
    const f = vulnFinding(group([[pkg('x', 'L1'), inh], [pkg('y', 'L1'), inh]]));
    expect(f.owner).toBe('team-platform');
    expect(f.properties?.inherited).toEqual({ baseImage: 'base@sha256:1', baseOwner: 'team-platform' });
    expect(f.properties?.fixPlan).toEqual(['upgrade left-pad to 1.3.0 in base image base:1', 'rebuild on base:1 once it fixes CVE-2099-0001']);
    expect(f.remediation).toBe('Upgrade left-pad to 1.3.0 in base image base:1; then rebuild on base:1 once it fixes CVE-2099-0001');
  });

  it("stays with the product when one occurrence is the product's own", () => {
    for (const order of [[inh, undefined], [undefined, inh]] as const) {
      const f = vulnFinding(group([[pkg('x', 'L1'), order[0]], [pkg('y', 'L9'), order[1]]]));
      expect(f.owner).toBeNull();
      expect(f.properties?.inherited).toBeUndefined();
    }
  });
});

describe('inherited from a base image without an owner', () => {
  it('keeps the asset owner, still records the base and the plan', () => {
    const unowned: Inheritance = { ...inh, baseOwner: null };
    const f = vulnFinding(group([[pkg('x', 'L1'), unowned]]));
    expect(f.owner).toBeNull();
    expect(f.properties?.inherited).toEqual({ baseImage: 'base@sha256:1', baseOwner: null });
    expect(f.properties?.ownerReason).toBeUndefined();
    expect(f.properties?.fixPlan).toHaveLength(2);
  });
});
