import { describe, expect, it } from 'vitest';
import { AFFECTS } from './trivy/affects.js';
import { CVES } from './trivy/cves.js';
import { LANG_PACKAGES } from './trivy/lang-catalog.js';
import type { LangEcosystem } from './trivy/lang-catalog.js';
import { OS_PACKAGES } from './trivy/os-catalog.js';

/** The fixed data the reports are made of must agree with itself. */
describe('advisory pool and package catalogs', () => {
  const versionsOf = (ecosystem: string, pkg: string): readonly string[] | undefined => {
    if (ecosystem === 'debian' || ecosystem === 'alpine') return [...OS_PACKAGES[ecosystem].values()].find((s) => s.src === pkg)?.versions;
    return LANG_PACKAGES[ecosystem as LangEcosystem].find((p) => p.name === pkg)?.versions;
  };

  it('names only known packages, CVEs and versions', () => {
    for (const affects of AFFECTS.values()) {
      for (const a of affects) {
        expect(CVES.has(a.cve), a.cve).toBe(true);
        const versions = versionsOf(a.ecosystem, a.pkg);
        expect(versions, `${a.ecosystem}:${a.pkg}`).toBeDefined();
        if (a.firstFixed !== null) expect(versions, `${a.cve} ${a.pkg}`).toContain(a.firstFixed);
      }
    }
  });

  it('uses every CVE it describes', () => {
    const used = new Set([...AFFECTS.values()].flat().map((a) => a.cve));
    expect([...CVES.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it('lists each package version once, in a plausible order', () => {
    const lists = [...Object.values(OS_PACKAGES).flatMap((m) => [...m.values()].map((s) => s.versions)), ...Object.values(LANG_PACKAGES).flatMap((l) => l.map((p) => p.versions))];
    for (const versions of lists) expect(new Set(versions).size).toBe(versions.length);
  });

  it('rates severities consistently with CVSS scores where no vendor overrides them', () => {
    for (const meta of CVES.values()) {
      if (meta.severity === 'CRITICAL') expect(meta.score, meta.id).toBeGreaterThanOrEqual(9);
      expect(meta.vector).toMatch(/^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH]$/);
    }
  });
});
