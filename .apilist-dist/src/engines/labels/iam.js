import { HitSet } from './labeler.js';
/** The iam engine's rule ids (src/engines/iam), read from its open findings. */
export const IAM_RULES = {
    adminEquivalent: 'iam.admin-equivalent',
    privilegeEscalation: 'iam.privilege-escalation',
    harmfulPermission: 'iam.harmful-permission',
    externalTrust: 'iam.external-trust',
};
/** Each label and the rules whose open finding on a principal asserts it. */
export const IAM_LABELS = {
    AdminEquivalent: [IAM_RULES.adminEquivalent],
    HighlyPermissiveRole: [IAM_RULES.adminEquivalent, IAM_RULES.privilegeEscalation, IAM_RULES.harmfulPermission],
    ExternallyAssumable: [IAM_RULES.externalTrust],
};
export const iamLabeler = {
    name: 'iam',
    labels: () => Object.keys(IAM_LABELS),
    async compute({ db }) {
        const rules = [...new Set(Object.values(IAM_LABELS).flat())];
        const rows = await db.query(`select f.id, f.asset_uid, f.rule_id, f.title from findings f
       where f.rule_id = any($1::text[]) and f.status = 'open' and f.asset_uid is not null
         and not exists (select 1 from assets a where a.uid = f.asset_uid and a.gone_at is not null)
       order by f.id`, [rules]);
        return Object.entries(IAM_LABELS).flatMap(([label, wanted]) => {
            const hits = new HitSet();
            for (const f of rows)
                if (wanted.includes(f.rule_id))
                    hits.add(f.asset_uid, { finding: f.id, rule: f.rule_id, title: f.title });
            return hits.hits(label, (findings) => ({ findings }));
        });
    },
};
//# sourceMappingURL=iam.js.map