import type { Db } from '../store/db.js';
import { DEFAULT_RISK_CONFIG, weightsVersion, type RiskConfig } from '../engines/risk/config.js';
import { BLAST_SQL, CVES_SQL, EXPOSED_SQL, INPUTS_SQL, SETUP_SQL, SPREAD_SQL, UPDATE_SQL, outputSql } from '../engines/risk/sql.js';

export interface ScoreRiskOptions {
  config?: RiskConfig;
  log?: (message: string) => void;
}

export interface ScoreRiskResult {
  /** Findings scored (open, or never scored). */
  scored: number;
  /** Rows written: those whose score or factors changed. */
  changed: number;
  weightsVersion: string;
  ms: number;
}

/**
 * Scores every open finding (and any never scored) with the risk model: set-based SQL over temporary
 * tables, one transaction (the temporary tables live on its connection), and one UPDATE that writes only
 * the rows whose score or factors changed, so a re-run over an unchanged store writes nothing.
 */
export async function scoreRisk(db: Db, options: ScoreRiskOptions = {}): Promise<ScoreRiskResult> {
  const started = performance.now();
  const config = options.config ?? DEFAULT_RISK_CONFIG;
  const version = weightsVersion(config);
  const out = outputSql(config, version);
  const { scored, changed } = await db.transaction(async (tx) => {
    await tx.exec(SETUP_SQL);
    for (const sql of [EXPOSED_SQL, BLAST_SQL, CVES_SQL, SPREAD_SQL]) await tx.exec(sql);
    await tx.exec('analyze risk_exposed; analyze risk_blast; analyze risk_cves; analyze risk_spread');
    await tx.exec(INPUTS_SQL);
    await tx.exec(out);
    const [n] = await tx.query<{ n: number }>('select count(*)::int as n from risk_out');
    const [u] = await tx.query<{ n: number }>(`with u as (${UPDATE_SQL} returning 1) select count(*)::int as n from u`);
    return { scored: n?.n ?? 0, changed: u?.n ?? 0 };
  });
  const ms = performance.now() - started;
  options.log?.(`risk: ${scored} findings scored, ${changed} changed in ${(ms / 1000).toFixed(1)} s`);
  return { scored, changed, weightsVersion: version, ms };
}
