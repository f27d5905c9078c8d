import type { Db, Queryable } from '../store/db.js';
import { MothershipError } from '../model/errors.js';
import { Params, scopeCondition, whereSql, type TenantScope } from '../store/queries/tenant-scope.js';
import { globToLike, type SuppressionInput } from '../findings/suppression.js';
import { applySuppressions } from './apply-triage-policies.js';

export interface SuppressionRow {
  id: number;
  rule_id: string | null;
  asset_pattern: string | null;
  label: string | null;
  owner: string | null;
  reason: string;
  expires_at: Date | null;
  created_by: string;
  created_at: Date;
  active: boolean;
  /** Findings it suppresses now. */
  findings: number;
}

const COLUMNS = `s.id, s.rule_id, s.asset_pattern, s.label, s.owner, s.reason, s.expires_at, s.created_by, s.created_at,
  (s.expires_at is null or s.expires_at > $1::timestamptz) as active,
  (select count(*)::int from findings f where f.suppression_id = s.id and f.triage = 'suppressed') as findings`;

/**
 * Rules in the scope, newest first. A rule without an owner may name any team's assets in its pattern or
 * reason, so only all-tenant principals see those; members see the rules of their own owners.
 */
export async function listSuppressions(db: Queryable, scope: TenantScope, now = new Date()): Promise<SuppressionRow[]> {
  const p = new Params();
  p.add(now);
  return db.query<SuppressionRow>(`select ${COLUMNS} from suppressions s ${whereSql([scopeCondition(scope, 's.owner', p)])} order by s.id desc`, p.values);
}

/** Creates a rule and applies it at once (the next runs keep applying it); returns it with its count. */
export async function createSuppression(db: Db, input: SuppressionInput, actor: string, now = new Date()): Promise<{ suppression: SuppressionRow; suppressed: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(`insert into suppressions (rule_id, asset_pattern, asset_like, label, owner, reason, expires_at, created_by, created_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [input.ruleId, input.assetPattern, input.assetPattern === null ? null : globToLike(input.assetPattern), input.label, input.owner,
      input.reason, input.expiresAt, actor, now]);
    const applied = await applySuppressions(tx, { now });
    const [s] = await tx.query<SuppressionRow>(`select ${COLUMNS} from suppressions s where s.id = $2`, [now, row!.id]);
    return { suppression: s!, suppressed: applied.suppressed };
  });
}

/** Deletes a rule in the scope and lifts its findings at once. */
export async function deleteSuppression(db: Db, scope: TenantScope, id: number, now = new Date()): Promise<{ unsuppressed: number }> {
  return db.transaction(async (tx) => {
    const p = new Params();
    const c = [scopeCondition(scope, 'owner', p), `id = ${p.add(id)}`];
    const gone = await tx.query(`delete from suppressions ${whereSql(c)} returning id`, p.values);
    if (gone.length === 0) throw new MothershipError('NOT_FOUND', `suppression ${id}: not found`);
    const applied = await applySuppressions(tx, { now });
    return { unsuppressed: applied.unsuppressed };
  });
}
