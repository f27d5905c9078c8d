import type { Db } from '../../store/db.js';
import type { SyncCounts } from './run.js';

/** Rows a run must change in a table before its statistics are refreshed right away. */
export const ANALYZE_AFTER_ROWS = 1000;

/**
 * The tables a run changed by at least `ANALYZE_AFTER_ROWS` rows. Embedded PGlite has no autovacuum, so a
 * table never analyzed looks empty to the planner, which then picks nested loops over sequential scans:
 * 72 rules over 11,842 assets took 2.3 s before ANALYZE and 0.6 s after. On a server, autovacuum gets there
 * eventually; right after a bulk load is when the next reader (analyze, the API) needs it.
 */
export function tablesToAnalyze(c: SyncCounts): string[] {
  const changed: Record<string, number> = {
    assets: c.assets.inserted + c.assets.updated + c.assets.gone,
    relationships: c.relationships.inserted + c.relationships.updated + c.relationships.deleted,
    packages: c.packages.inserted + c.packages.updated + c.packages.deleted,
    findings: c.findings.new + c.findings.updated + c.findings.reopened + c.findings.resolved,
    finding_sources: c.findings.new + c.findings.reopened + c.findings.resolved,
    asset_labels: c.labels.inserted + c.labels.updated + c.labels.deleted,
  };
  return Object.entries(changed).filter(([, n]) => n >= ANALYZE_AFTER_ROWS).map(([t]) => t);
}

/**
 * Wide columns no statement filters or joins on through their statistics (JSON is read by expression, which
 * the planner estimates without them). Sampling them was most of `analyze findings`: 19,600 findings took
 * 0.55–1.5 s with them, 0.2 s without, after each engine of a first analysis.
 */
const UNSAMPLED: Readonly<Record<string, readonly string[]>> = {
  findings: ['title', 'description', 'evidence', 'remediation', 'properties', 'risk_factors'],
};

/** `table` or `table (columns but the unsampled ones)`, the columns read from the catalog so new ones are included. */
async function analyzeTarget(db: Db, table: string): Promise<string> {
  const skip = UNSAMPLED[table];
  if (!skip) return table;
  const rows = await db.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`, [table]);
  const columns = rows.map((r) => r.name).filter((c) => !skip.includes(c));
  return `${table} (${columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')})`;
}

/** Refreshes the planner statistics of the tables a committed run changed a lot; never fails the run. */
export async function refreshStatistics(db: Db, counts: SyncCounts, log?: (m: string) => void): Promise<string[]> {
  const tables = tablesToAnalyze(counts);
  if (tables.length === 0) return [];
  try {
    const targets = await Promise.all(tables.map((t) => analyzeTarget(db, t)));
    await db.exec(`analyze ${targets.join(', ')}`);
  } catch (e) {
    // Statistics are an optimization: the data is committed either way.
    log?.(`analyze ${tables.join(', ')} failed: ${(e as Error).message}`);
  }
  return tables;
}
