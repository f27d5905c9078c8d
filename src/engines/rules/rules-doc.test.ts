import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRulesDoc, renderRulesDoc } from './rules-doc.js';
import { loadRuleCatalog } from './load.js';

describe('rules documentation', () => {
  it('documents every built-in rule, grouped by provider and service', () => {
    const catalog = loadRuleCatalog();
    const doc = renderRulesDoc(catalog);
    for (const { rule } of catalog) {
      expect(doc).toContain(`#### ${rule.id}\n`);
      expect(doc).toContain(rule.remediation.console.trim());
    }
    expect(doc).toMatch(/^## AWS$/m);
    expect(doc).toMatch(/^### aws-s3$/m);
  });

  it('docs/rules.md is current', () => {
    const current = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    // A diff of the whole file is noise: say what to do.
    expect(current === generateRulesDoc(), 'docs/rules.md is stale: run `npm run docs` to regenerate it').toBe(true);
  });
});
