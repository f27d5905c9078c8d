import { HitSet } from './labeler.js';
export const SENSITIVE_DATA = 'SensitiveData';
/** A tag value names a class when one of its words does: `Confidential`, `pii,finance`, `PCI / PII`. */
function matchingWords(value, wanted) {
    return value.toLowerCase().split(/[\s,;/|]+/).filter((w) => wanted.has(w));
}
/** Assets tagged with a sensitive data classification, and assets a data scanner (Macie, ...) found sensitive data in. */
export const sensitiveDataLabeler = {
    name: SENSITIVE_DATA,
    labels: () => [SENSITIVE_DATA],
    async compute({ db }, config) {
        const hits = new HitSet();
        const keys = config.sensitiveData.tagKeys.map((k) => k.toLowerCase());
        const values = new Set(config.sensitiveData.tagValues.map((v) => v.toLowerCase()));
        const tagged = await db.query(`select a.uid, t.key, t.value from assets a, jsonb_each_text(a.tags) t(key, value)
       where a.gone_at is null and lower(t.key) = any($1::text[]) order by a.uid, t.key`, [keys]);
        for (const t of tagged) {
            const words = matchingWords(t.value, values);
            if (words.length > 0)
                hits.add(t.uid, { via: 'tag', tag: t.key, value: t.value });
        }
        if (config.sensitiveData.findingKinds.length > 0) {
            const found = await db.query(`select f.id, f.asset_uid, f.rule_id, f.title,
                array(select s.source from finding_sources s where s.finding_id = f.id order by s.source) as sources
         from findings f where f.kind = any($1::text[]) and f.status = 'open' and f.asset_uid is not null order by f.id`, [config.sensitiveData.findingKinds]);
            for (const f of found)
                hits.add(f.asset_uid, { via: 'finding', finding: f.id, rule: f.rule_id, title: f.title, sources: f.sources });
        }
        return hits.hits(SENSITIVE_DATA, (reasons) => ({ reasons }));
    },
};
//# sourceMappingURL=sensitive.js.map