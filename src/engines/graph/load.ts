import type { IamModel } from '../iam/model/iam-model.js';
import { GraphBuilder, type SecurityGraph } from './graph.js';
import { addIam, addWorkloads, userKeys } from './identity.js';
import { Attr, Target } from './kinds.js';
import { addExposure, addKubernetes, nodeKindOf } from './network.js';
import { labelRows, type Db } from './rows.js';

export interface GraphOptions {
  /** EPSS score from which a network-exploitable vulnerability counts as a foothold (KEV always does). */
  minEpss?: number;
}

export const DEFAULT_MIN_EPSS = 0.1;

/**
 * The security graph of the stored inventory, built with a few set-based reads: labels (isPublic,
 * SensitiveData, AdminEquivalent), the relationships that carry identity and exposure, exploitable
 * vulnerability findings, Lambda credential findings, and the IAM analyzer's model for IAM moves.
 */
export async function loadSecurityGraph(db: Db, model: IamModel, options: GraphOptions = {}): Promise<SecurityGraph> {
  const b = new GraphBuilder();
  const labels = await labelRows(db, ['isPublic', 'SensitiveData', 'AdminEquivalent']);
  await addExposure(db, b, labels);
  await addKubernetes(db, b);
  await addWorkloads(db, b, options.minEpss ?? DEFAULT_MIN_EPSS);
  const users = await userKeys(db);
  await addIam(db, b, model, labels, users);
  for (const l of labels) {
    if (l.label === 'SensitiveData') {
      b.node(l.asset_uid, nodeKindOf(l.kind), l.name);
      const reasons = Array.isArray(l.evidence.reasons) ? (l.evidence.reasons as Record<string, unknown>[]) : [];
      const tag = reasons.find((r) => r.via === 'tag');
      const finding = reasons.find((r) => r.via === 'finding');
      b.mark(l.asset_uid, Target.sensitiveData, {
        text: tag ? `labelled SensitiveData: tag ${String(tag.tag)}=${String(tag.value)}` : `labelled SensitiveData: ${typeof finding?.title === 'string' ? finding.title : 'a data scanner finding'}`,
        label: 'SensitiveData', ...(typeof finding?.finding === 'number' ? { finding_id: finding.finding } : {}),
      });
    } else if (l.label === 'AdminEquivalent') {
      b.node(l.asset_uid, 'identity', l.name);
      const f = (Array.isArray(l.evidence.findings) ? (l.evidence.findings as Record<string, unknown>[]) : [])[0];
      b.mark(l.asset_uid, Target.admin, { text: 'admin-equivalent: can do anything in its account', label: 'AdminEquivalent', rule_id: 'iam.admin-equivalent', ...(typeof f?.finding === 'number' ? { finding_id: f.finding } : {}) });
    }
  }
  for (const u of users) {
    if (u.collected && !u.keys.some((k) => k.active)) continue;
    b.setAttr(b.node(u.uid, 'identity', u.name), Attr.credentialEntry);
  }
  return b.build();
}
