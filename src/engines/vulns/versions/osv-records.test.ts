import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from '../../../sources/json.js';
import { isAffected, schemeFor, semver, type OsvAffected, type OsvEvent, type VersionScheme } from './index.js';

/**
 * Real OSV records (../shared/corpus/osv-records): around every range boundary we build versions at,
 * just below and just above it, and check isAffected against a plain reading of the record's
 * introduced→fixed / introduced→last_affected pairs (the order the records list them in); also every
 * version osv.dev enumerated into a `versions` list must fall inside one of the entry's ranges.
 */
const DIR = join(process.cwd(), '..', 'shared', 'corpus', 'osv-records');

interface Entry { file: string; ecosystem: string; affected: OsvAffected }

function entries(): Entry[] {
  const out: Entry[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json') && name !== 'index.json') {
        const rec = parseUntrustedJson(readFileSync(path, 'utf8'), path) as { affected?: (OsvAffected & { package?: { ecosystem?: string } })[] };
        for (const a of rec.affected ?? []) {
          if (a.package?.ecosystem) out.push({ file: path.slice(DIR.length + 1), ecosystem: a.package.ecosystem, affected: a });
        }
      }
    }
  };
  walk(DIR);
  return out;
}

const NUMERIC = /^\d+(\.\d+)*$/;

/** Versions right next to `v` in each scheme, for plain numeric versions (and Linux package versions). */
function neighbours(scheme: VersionScheme, v: string): string[] {
  const bumpLast = (x: string): string => x.replace(/(\d+)$/, (d) => String(Number(d) + 1));
  switch (scheme.id) {
    case 'semver': case 'go': case 'nuget': case 'pub':
      return /^\d+\.\d+\.\d+$/.test(v) ? [`${v}-0`, `${bumpLast(v)}-0`] : [];
    case 'pep440':
      return NUMERIC.test(v) ? [`${v}.dev0`, `${v}+local.1`, `${v}.post1`] : [];
    case 'maven':
      return NUMERIC.test(v) ? [`${v}-alpha-1`, `${v}-SNAPSHOT`, `${v}.1`, `${v}-sp1`] : [];
    case 'rubygems':
      return NUMERIC.test(v) ? [`${v}.rc1`, `${v}.1`] : [];
    case 'packagist':
      return NUMERIC.test(v) ? [`${v}-beta1`, `${v}.1`] : [];
    case 'debian': case 'rpm':
      return [`${v}~rc1`, `${v}.1`];
    default:
      return [];
  }
}

/** The record read as intervals, each introduced closed by the next fixed or last_affected as listed. */
function reference(scheme: VersionScheme, version: string, a: OsvAffected): boolean {
  if ((a.versions ?? []).includes(version)) return true;
  return (a.ranges ?? []).some((r) => {
    if (r.type === 'GIT') return false;
    const s = r.type === 'SEMVER' && !['go', 'nuget', 'pub'].includes(scheme.id) ? semver : scheme;
    let from: string | undefined;
    for (const e of r.events as OsvEvent[]) {
      if (e.introduced !== undefined) from = e.introduced;
      const atOrAbove = from !== undefined && (from === '0' || s.compare(version, from) >= 0);
      if (e.fixed !== undefined && atOrAbove && s.compare(version, e.fixed) < 0) return true;
      if (e.last_affected !== undefined && atOrAbove && s.compare(version, e.last_affected) <= 0) return true;
      if (e.fixed !== undefined || e.last_affected !== undefined) from = undefined;
    }
    return from !== undefined && (from === '0' || s.compare(version, from) >= 0);
  });
}

const all = existsSync(DIR) ? entries() : [];
const usable = all.filter((e) => schemeFor(e.ecosystem) && (e.affected.ranges ?? []).some((r) => r.type !== 'GIT'));

describe.skipIf(all.length === 0)(
  all.length ? 'isAffected on real OSV records (../shared/corpus/osv-records)' : 'OSV records: skipped, ../shared/corpus/osv-records not found',
  () => {
    it('covers the ecosystems in the corpus', () => {
      const ecos = new Set(usable.map((e) => e.ecosystem.split(':')[0]));
      for (const e of ['Go', 'Maven', 'PyPI', 'npm', 'crates.io', 'NuGet', 'RubyGems', 'Packagist', 'Debian', 'AlmaLinux']) {
        expect(ecos, e).toContain(e);
      }
    });

    it('fixed versions are unaffected, introduced and last_affected versions affected', () => {
      let checked = 0;
      for (const { file, ecosystem, affected } of usable) {
        for (const range of affected.ranges ?? []) {
          if (range.type === 'GIT') continue;
          const only: OsvAffected = { ranges: [range] };
          for (const e of range.events) {
            const where = `${file} ${ecosystem} ${JSON.stringify(e)}`;
            if (e.introduced !== undefined && e.introduced !== '0') expect(isAffected(ecosystem, e.introduced, only), where).toBe(true);
            if (e.fixed !== undefined) expect(isAffected(ecosystem, e.fixed, only), where).toBe(false);
            if (e.last_affected !== undefined) expect(isAffected(ecosystem, e.last_affected, only), where).toBe(true);
            checked++;
          }
        }
      }
      console.log(`osv-records: ${checked} boundary events checked`);
      expect(checked).toBeGreaterThan(100);
    });

    it('versions at, just below and just above every boundary agree with the record', () => {
      let checked = 0;
      let affectedCount = 0;
      const disagreements: string[] = [];
      for (const { file, ecosystem, affected } of usable) {
        const scheme = schemeFor(ecosystem);
        if (!scheme) continue;
        const bounds = (affected.ranges ?? []).filter((r) => r.type !== 'GIT').flatMap((r) => r.events.flatMap((e) => [e.introduced, e.fixed, e.last_affected]));
        for (const b of bounds) {
          if (b === undefined || b === '0') continue;
          for (const v of [b, ...neighbours(scheme, b)]) {
            const got = isAffected(ecosystem, v, affected);
            if (got !== reference(scheme, v, affected)) disagreements.push(`${file} ${ecosystem} ${v}: isAffected ${String(got)}`);
            if (got === true) affectedCount++;
            checked++;
          }
        }
      }
      console.log(`osv-records: ${checked} boundary versions checked, ${affectedCount} of them affected`);
      expect(checked).toBeGreaterThan(500);
      expect(affectedCount).toBeGreaterThan(checked / 5);
      expect(affectedCount).toBeLessThan(checked * 0.8);
      expect(disagreements).toEqual([]);
    });

    it('every version osv.dev listed lies inside one of the entry\'s ranges', () => {
      let checked = 0;
      const outside: string[] = [];
      for (const { file, ecosystem, affected } of usable) {
        const ranges = (affected.ranges ?? []).filter((r) => r.type !== 'GIT');
        if (ranges.length === 0) continue;
        for (const v of affected.versions ?? []) {
          if (isAffected(ecosystem, v, { ranges }) !== true) outside.push(`${file} ${ecosystem} ${v}`);
          checked++;
        }
      }
      console.log(`osv-records: ${checked} listed versions checked against their ranges`);
      expect(checked).toBeGreaterThan(1000);
      expect(outside).toEqual([]);
    });
  },
);
