-- API lists (issue: findings list p95 <= 100 ms at 1M findings).
--
-- 1. The findings list is ordered by risk (highest first, unscored last), severity rank, id. The sort key
--    is written as ascending expressions so one btree serves both the order and the keyset seek: a row
--    comparison (key, sev, id) > (cursor) becomes an index bound, and a deep page costs what the first does.
--    coalesce(-risk_score, 1000) puts unscored findings after every score numeric(5,2) can hold.
-- 2. The same key behind the owner: a member sees its tenant's owners, read in order from their range.
create index findings_list_idx on findings ((coalesce(-risk_score, 1000)),
  (case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end), id);
create index findings_owner_list_idx on findings (owner, (coalesce(-risk_score, 1000)),
  (case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end), id);
-- 3. v_finding_exploitability matches KEV by upper(cve_id): indexed, a page's KEV lookups are probes, not
--    a scan of the catalogue per finding.
create index kev_upper_idx on kev (upper(cve_id));
