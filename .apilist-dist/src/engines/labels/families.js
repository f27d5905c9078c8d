import { HitSet } from './labeler.js';
/**
 * Vulnerability-family labels (`Log4J`, `Spring4Shell`, ...): an asset with an open vulnerability finding
 * whose advisory id, or one of its aliases (on the finding or in the stored advisory), is in the family;
 * and the compute running such an image (`runs_image`), which gets the label with the image as evidence.
 */
export const familiesLabeler = {
    name: 'vulnerability-families',
    labels: (config) => Object.keys(config.vulnerabilityFamilies),
    async compute({ db }, config) {
        const families = Object.entries(config.vulnerabilityFamilies).map(([label, ids]) => ({ label, ids: new Set(ids.map((i) => i.toUpperCase())) }));
        const all = [...new Set(families.flatMap((f) => [...f.ids]))];
        if (all.length === 0)
            return [];
        const rows = await db.query(`select f.id, f.asset_uid,
              array(select distinct upper(x) from unnest(array[f.advisory_id] || coalesce(adv.aliases, '{}') ||
                      array(select jsonb_array_elements_text(case when jsonb_typeof(f.properties->'aliases') = 'array'
                                                                  then f.properties->'aliases' else '[]'::jsonb end))) x
                    where upper(x) = any($1::text[])) as ids
       from findings f left join advisories adv on adv.id = f.advisory_id
       where f.kind = 'vuln' and f.status = 'open' and f.asset_uid is not null
         and (upper(f.advisory_id) = any($1::text[]) or adv.aliases && $1::text[]
              or (jsonb_typeof(f.properties->'aliases') = 'array'
                  and exists (select 1 from jsonb_array_elements_text(f.properties->'aliases') a where upper(a) = any($1::text[]))))
       order by f.id`, [all]);
        const runners = await db.query(`select r.from_uid, r.to_uid from relationships r
       where r.kind = 'runs_image' and r.to_uid = any($1::text[])
         and not exists (select 1 from assets a where a.uid = r.from_uid and a.gone_at is not null)
       order by r.from_uid, r.to_uid`, [[...new Set(rows.map((r) => r.asset_uid))]]);
        return families.flatMap(({ label, ids }) => {
            const hits = new HitSet();
            const direct = new Map();
            for (const r of rows) {
                const matched = r.ids.filter((i) => ids.has(i)).sort();
                if (matched.length === 0)
                    continue;
                direct.set(r.asset_uid, [...(direct.get(r.asset_uid) ?? []), { finding: r.id, advisories: matched }]);
            }
            for (const [uid, findings] of direct)
                hits.add(uid, { via: 'finding', findings });
            for (const e of runners) {
                const findings = direct.get(e.to_uid);
                if (findings)
                    hits.add(e.from_uid, { via: 'image', image: e.to_uid, findings });
            }
            return hits.hits(label, (reasons) => ({ reasons, advisories: [...new Set(reasons.flatMap((r) => r.findings.flatMap((f) => f.advisories)))].sort() }));
        });
    },
};
//# sourceMappingURL=families.js.map