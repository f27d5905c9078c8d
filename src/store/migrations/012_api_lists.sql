-- API lists (issue: findings list p95 <= 100 ms at 1M findings).
--
-- 1. The findings list is ordered by risk (highest first, unscored last), severity rank, id. The sort key
--    is written as ascending expressions so one btree serves both the order and the keyset seek: a row
--    comparison (key, sev, id) > (cursor) becomes an index bound, and a deep page costs what the first does.
--    coalesce(-risk_score, 1000) puts unscored findings after every score numeric(5,2) can hold.
-- 2. The same key behind the owner: a member sees its tenant's owners, read in order from their range.
-- 3. The KEV filter starts from the KEV catalogue: findings are found by their advisory id (upper-cased, as
--    KEV matching compares) and by CVE aliases, instead of testing every finding against the catalogue.
create index findings_list_idx on findings ((coalesce(-risk_score, 1000)),
  (case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end), id);
create index findings_owner_list_idx on findings (owner, (coalesce(-risk_score, 1000)),
  (case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end), id);
create index findings_advisory_upper_idx on findings (upper(advisory_id)) where kind = 'vuln';
create index findings_aliases_idx on findings using gin ((properties->'aliases') jsonb_path_ops)
  where kind = 'vuln' and jsonb_typeof(properties->'aliases') = 'array';
