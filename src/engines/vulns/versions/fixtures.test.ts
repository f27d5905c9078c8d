import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemeFor } from './index.js';

/**
 * osv-scalibr's semantic comparison fixtures (see ../shared/corpus/osv-semantic/README.md): every line
 * `<a> <op> <b>` must hold as compare(a, b) and, reversed, as compare(b, a), for every ecosystem the
 * file is run against there.
 */
const DIR = join(process.cwd(), '..', 'shared', 'corpus', 'osv-semantic');

const ECOSYSTEMS: Record<string, readonly string[]> = {
  semver: ['npm', 'crates.io', 'Go', 'Hex'],
  pypi: ['PyPI'],
  maven: ['Maven'],
  debian: ['Debian', 'Ubuntu'],
  alpine: ['Alpine', 'Wolfi', 'Chainguard', 'MinimOS', 'Alpaquita'],
  rubygems: ['RubyGems'],
  nuget: ['NuGet'],
  packagist: ['Packagist'],
  cran: ['CRAN'],
  redhat: ['Red Hat', 'AlmaLinux', 'Rocky Linux', 'SUSE', 'openSUSE', 'Mageia', 'openEuler'],
  pub: ['Pub'],
  hackage: ['Hackage'],
};

interface Case { line: number; a: string; op: string; b: string }

function readCases(file: string): Case[] {
  const cases: Case[] = [];
  readFileSync(join(DIR, file), 'utf8').split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (text === '' || text.startsWith('# ') || text.startsWith('// ')) return;
    const [a = '', op = '', b = '', ...more] = text.split(' ');
    if (more.length > 0 || !['<', '=', '>'].includes(op)) throw new Error(`${file}:${i + 1}: malformed line ${text}`);
    cases.push({ line: i + 1, a, op, b });
  });
  return cases;
}

const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort() : [];
const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe.skipIf(files.length === 0)(
  files.length ? 'OSV semantic fixtures (../shared/corpus/osv-semantic)' : 'OSV semantic fixtures: skipped, ../shared/corpus/osv-semantic not found',
  () => {
    it('every fixture file is assigned to ecosystems', () => {
      for (const f of files) expect(ECOSYSTEMS[f.replace(/-versions(-generated)?\.txt$/, '')], f).toBeDefined();
    });

    for (const file of files) {
      const ecosystems = ECOSYSTEMS[file.replace(/-versions(-generated)?\.txt$/, '')] ?? [];
      for (const ecosystem of ecosystems) {
        it(`${file} holds for ${ecosystem}`, () => {
          const scheme = schemeFor(ecosystem);
          expect(scheme, ecosystem).toBeDefined();
          if (!scheme) return;
          const cases = readCases(file);
          const failures: string[] = [];
          for (const { line, a, op, b } of cases) {
            const want = op === '<' ? -1 : op === '>' ? 1 : 0;
            const ab = sign(scheme.compare(a, b));
            const ba = sign(scheme.compare(b, a));
            if (ab !== want || ba !== -want) failures.push(`${file}:${line}: ${a} ${op} ${b} (got ${ab}, reversed ${ba})`);
          }
          console.log(`${file} [${ecosystem} → ${scheme.id}]: ${cases.length - failures.length}/${cases.length} pass`);
          expect(cases.length).toBeGreaterThan(0);
          expect(failures.slice(0, 25)).toEqual([]);
        });
      }
    }
  },
);
