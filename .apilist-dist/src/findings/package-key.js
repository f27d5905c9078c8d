/**
 * The loose (ecosystem, name) key of an OSV `affected[]` element `e`, in SQL: the lower-cased ecosystem
 * base (`Debian:12` → `debian`), a tab, and the lower-cased name (PEP 503 for PyPI). The intel import
 * stores it per advisory (advisory_packages); the matcher computes the same key for installed packages
 * (engines/vulns/package-names.ts `looseKey`) to select candidate advisories.
 */
export const LOOSE_KEY_SQL = `lower(split_part(e->'package'->>'ecosystem', ':', 1)) || chr(9) ||
  case when lower(split_part(e->'package'->>'ecosystem', ':', 1)) = 'pypi'
       then regexp_replace(lower(e->'package'->>'name'), '[-_.]+', '-', 'g')
       else lower(e->'package'->>'name') end`;
/**
 * The statement that records the package keys of advisories in advisory_packages; `relation` is SQL that
 * yields their `id` and `affected` (the import's changed records, or a table filled by other means).
 */
export function indexAdvisoryPackagesSql(relation) {
    return `insert into advisory_packages (key, advisory_id)
    select distinct ${LOOSE_KEY_SQL}, r.id
    from (${relation}) r, jsonb_array_elements(case when jsonb_typeof(r.affected) = 'array' then r.affected else '[]' end) e
    where jsonb_typeof(e) = 'object' and e->'package'->>'ecosystem' is not null and e->'package'->>'name' is not null
    on conflict do nothing`;
}
//# sourceMappingURL=package-key.js.map