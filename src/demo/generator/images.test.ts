import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from './index.js';
import type { GeneratedOrg } from './index.js';
import { readReports } from './read-back.js';
import type { TrivyJson } from './read-back.js';

let tmp: string;
let org: GeneratedOrg;
let reports: Map<string, TrivyJson>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mothership-images-'));
  org = await generateOrganization({ outDir: tmp, scale: 1, seed: 5 });
  reports = await readReports(tmp);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const report = (file: string) => reports.get(file) as TrivyJson;
const baseLabel = (r: TrivyJson, key: 'name' | 'digest') => r.Metadata.ImageConfig.config.Labels[`org.opencontainers.image.base.${key}`];
const products = () => org.trivyReports.filter((e) => e.service !== null);

/** The report of the image whose manifest digest the label names, if it is one of ours. */
function baseOf(r: TrivyJson): TrivyJson | undefined {
  const digest = baseLabel(r, 'digest');
  return [...reports.values()].find((b) => b.Metadata.RepoDigests.some((d) => d.endsWith(`@${digest}`)));
}

describe('Trivy image reports', () => {
  it('are Trivy JSON v2 container image reports with one OS and one application result', () => {
    for (const entry of products()) {
      const r = report(entry.file);
      expect(r.SchemaVersion).toBe(2);
      expect(r.ArtifactType).toBe('container_image');
      expect(r.ArtifactName).toBe(entry.image);
      expect(r.Results.map((x) => x.Class)).toEqual(['os-pkgs', 'lang-pkgs']);
      expect(['debian', 'alpine']).toContain(r.Results[0]?.Type);
      expect(['npm', 'pip', 'jar', 'gobinary']).toContain(r.Results[1]?.Type);
      expect(org.teams.map((t) => t.id)).toContain(entry.owner);
    }
  });

  it('writes a report for every base image, owned by the platform team', () => {
    const bases = org.trivyReports.filter((e) => e.service === null);
    expect(bases.length).toBeGreaterThanOrEqual(4);
    for (const entry of bases) {
      expect(entry.owner).toBe('platform');
      expect(report(entry.file).Results.map((x) => x.Class)).toEqual(['os-pkgs']);
    }
  });

  it('builds each image on its base: the base DiffIDs come first and hold every OS package', () => {
    for (const entry of org.trivyReports) {
      const r = report(entry.file);
      const base = baseOf(r);
      if (entry.service === null && !base) continue; // the root bases come from upstream images
      expect(base, entry.file).toBeDefined();
      if (!base) continue;
      expect(baseLabel(r, 'name')).toBe(base.ArtifactName);
      expect(entry.base).toBe(base.ArtifactName);
      const baseLayers = base.Metadata.DiffIDs;
      expect(r.Metadata.DiffIDs.slice(0, baseLayers.length)).toEqual(baseLayers);
      expect(r.Metadata.DiffIDs.length).toBeGreaterThan(baseLayers.length);
      if (entry.service === null) continue; // a child base adds OS packages of its own (node, python, JRE deps)
      const [os, lang] = r.Results;
      for (const p of os?.Packages ?? []) expect(baseLayers).toContain(p.Layer.DiffID);
      for (const p of lang?.Packages ?? []) {
        expect(baseLayers).not.toContain(p.Layer.DiffID);
        expect(r.Metadata.DiffIDs).toContain(p.Layer.DiffID);
      }
    }
  });

  it('uses real package identifiers per ecosystem', () => {
    const shapes: Record<string, RegExp> = {
      debian: /^pkg:deb\/debian\/[a-z0-9.+-]+@[A-Za-z0-9.%~-]+\?arch=(amd64|all)&distro=debian-12\.\d+(&epoch=\d+)?$/,
      alpine: /^pkg:apk\/alpine\/[a-z0-9._-]+@[A-Za-z0-9._%-]+\?arch=x86_64&distro=3\.19\.\d+$/,
      npm: /^pkg:npm\/(%40[a-z0-9-]+\/)?[a-z0-9.-]+@\d+\.\d+\.\d+$/,
      pip: /^pkg:pypi\/[a-z0-9-]+@[\d.]+$/,
      jar: /^pkg:maven\/[a-z0-9.-]+\/[a-z0-9.-]+@[\w.-]+$/,
      gobinary: /^pkg:golang\/[a-z0-9./_-]+@v\d+\.\d+\.\d+$/,
    };
    const raw = JSON.stringify([...reports.values()]);
    for (const r of reports.values()) {
      for (const result of r.Results) {
        const shape = shapes[result.Type] as RegExp;
        for (const p of result.Packages as unknown as { Identifier: { PURL: string; UID: string } }[]) {
          expect(p.Identifier.PURL).toMatch(shape);
          expect(p.Identifier.UID).toMatch(/^[0-9a-f]{16}$/);
        }
      }
    }
    expect(raw).toContain('pkg:deb/debian/libssl3@');
    expect(raw).toContain('&epoch=1');
  });

  it('reports vulnerabilities of packages in the same result, at their installed version', () => {
    for (const r of reports.values()) {
      for (const result of r.Results) {
        const names = new Set(result.Packages.map((p) => p.Name));
        for (const v of result.Vulnerabilities ?? []) {
          expect(names.has(v.PkgName)).toBe(true);
          expect(v.VulnerabilityID).toMatch(/^CVE-\d{4}-\d{4,}$/);
          expect(v.Status === 'fixed').toBe(v.FixedVersion !== undefined);
        }
      }
    }
  });

  it('skews severities like reality: few critical, most fixable, some CVEs everywhere', () => {
    const vulns = [...reports.values()].flatMap((r) => r.Results.flatMap((x) => x.Vulnerabilities ?? []));
    const count = (s: string) => vulns.filter((v) => v.Severity === s).length;
    expect(count('CRITICAL')).toBeGreaterThan(0);
    expect(count('CRITICAL')).toBeLessThan(count('HIGH'));
    expect(count('HIGH')).toBeLessThan(count('MEDIUM') + count('LOW'));
    expect(count('CRITICAL') / vulns.length).toBeLessThan(0.12);
    expect(vulns.filter((v) => v.FixedVersion !== undefined).length / vulns.length).toBeGreaterThan(0.5);
    const spread = new Map<string, Set<string>>();
    for (const [file, r] of reports) for (const v of r.Results.flatMap((x) => x.Vulnerabilities ?? [])) spread.set(v.VulnerabilityID, (spread.get(v.VulnerabilityID) ?? new Set()).add(file));
    expect(Math.max(...[...spread.values()].map((s) => s.size))).toBeGreaterThan(reports.size / 2);
  });

  it('spreads one CVE across ecosystems (HTTP/2 Rapid Reset in OS, Java and Go packages)', () => {
    const types = new Set(
      [...reports.values()].flatMap((r) => r.Results.filter((x) => (x.Vulnerabilities ?? []).some((v) => v.VulnerabilityID === 'CVE-2023-44487')).map((x) => x.Type)),
    );
    expect(types.size).toBeGreaterThanOrEqual(2);
  });
});
