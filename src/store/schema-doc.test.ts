import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaDoc, readSchema } from './schema-doc.js';
import { openDb } from './open.js';

describe('schema documentation', () => {
  it('every table and table column has a description', async () => {
    const db = await openDb('memory://');
    const cols = await readSchema(db);
    await db.close();
    const undocumented = cols.filter((c) => c.relkind === 'r' && (!c.column_comment || !c.relation_comment)).map((c) => `${c.relation}.${c.column_name}`);
    expect(undocumented).toEqual([]);
    // View columns are documented either directly or by the same column of their base table.
    const tableCols = new Set(cols.filter((c) => c.relkind === 'r').map((c) => `${c.relation}.${c.column_name}`));
    const viewGaps = cols.filter((c) => c.relkind === 'v' && !c.column_comment && !tableCols.has(`${c.relation.replace(/^v_/, '')}.${c.column_name}`));
    expect(viewGaps.map((c) => `${c.relation}.${c.column_name}`)).toEqual([]);
    for (const t of ['assets', 'relationships', 'packages', 'advisories', 'findings', 'finding_events', 'owners', 'runs', 'tenants', 'users', 'tokens', 'outbox']) {
      expect(cols.some((c) => c.relation === t)).toBe(true);
    }
  });

  it('docs/schema.md is current (regenerate with npm run docs)', async () => {
    const current = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');
    expect(current).toBe(await generateSchemaDoc());
  });
});
