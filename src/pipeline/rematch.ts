import type { Db } from '../store/db.js';
import type { IntelImportResult } from './intel-import.js';
import { analyze, type EngineResult } from './analyze.js';
import { vulnsEngine } from '../engines/vulns/engine.js';

export interface Rematch {
  /** Advisory ids the import inserted, replaced or withdrew. */
  advisories: number;
  /** Asset scopes the matcher re-evaluated. */
  scopes: number;
  findings: { new: number; updated: number; resolved: number };
}

/**
 * After an OSV import, re-matches only what the changed records concern: the assets with packages they
 * name and the assets with open findings of them (a withdrawn record resolves its findings). Nothing
 * else is read or claimed, so the rest of the estate's matches stay as the last analyze left them.
 */
export async function rematchAfterImport(db: Db, r: IntelImportResult, now?: Date): Promise<Rematch | null> {
  if (r.format !== 'osv') return null;
  const ids = [...new Set([...r.changes.inserted, ...r.changes.updated])];
  if (ids.length === 0) return { advisories: 0, scopes: 0, findings: { new: 0, updated: 0, resolved: 0 } };
  const results: EngineResult[] = await analyze(db, { engines: [vulnsEngine({ advisoryIds: ids })], now });
  const f = results[0]?.counts.findings;
  const scopes = results[0]?.counts.scopes;
  return {
    advisories: ids.length,
    scopes: scopes ? scopes.complete + scopes.partial + scopes.failed : 0,
    findings: { new: f?.new ?? 0, updated: f?.updated ?? 0, resolved: f?.resolved ?? 0 },
  };
}
