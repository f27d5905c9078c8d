import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSERS } from '../src/sources/registry.js';

const CORPUS = join(import.meta.dirname, '../../shared/corpus');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (!/\.(md|yaml|yml|tar\.gz)$/.test(name) && name !== 'index.json' && name !== 'LICENSE') yield p;
  }
}

/** A report must never be claimed by two parsers: sniffing decides the type without asking the user. */
describe.skipIf(!existsSync(CORPUS))('format sniffing over the whole corpus', () => {
  it('no file is accepted by more than one parser', () => {
    const ambiguous: string[] = [];
    let accepted = 0;
    for (const dir of ['defectdojo', 'trivy-golden', 'sbom']) {
      for (const path of files(join(CORPUS, dir))) {
        const head = readFileSync(path).subarray(0, 64 * 1024);
        const name = path.split('/').pop()!;
        const matches = PARSERS.filter((p) => p.accepts({ name, head })).map((p) => p.type);
        if (matches.length > 1) ambiguous.push(`${path}: ${matches.join(', ')}`);
        if (matches.length === 1) accepted++;
      }
    }
    expect(ambiguous).toEqual([]);
    // Most of the corpus is in a format we read; a collapse here means a sniffer broke.
    expect(accepted).toBeGreaterThanOrEqual(329);
  });

  it('parser types are unique', () => {
    const types = PARSERS.map((p) => p.type);
    expect(new Set(types).size).toBe(types.length);
  });
});
