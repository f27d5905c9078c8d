-- Ingest speed (issue #3), part two.
--
-- 1. finding_sources and finding_events lose their foreign key to findings. The key was checked by a
--    trigger per inserted row: of a first import of 50,000 Trivy findings on PostgreSQL, 1.5 s of the
--    10.3 s findings statement (its events) and 1.7 s of the 3.1 s finding_sources statement. Both tables
--    are written only by the sync (merge-findings.ts), with ids it has just read or inserted in the same
--    transaction, and by people acting on findings that exist. Findings are never deleted by a run; the
--    one statement that deletes them (refingerprint.ts, merging findings) moves or deletes their links and
--    events first, in the same transaction.
-- 2. Vulnerability findings have no rule and rule findings no advisory: the two indexes hold only the
--    rows with a value (lookups by value use them as before), so inserting a finding touches one fewer.
alter table finding_sources drop constraint finding_sources_finding_id_fkey;
alter table finding_events drop constraint finding_events_finding_id_fkey;

drop index findings_rule_idx;
create index findings_rule_idx on findings (rule_id) where rule_id is not null;
drop index findings_advisory_idx;
create index findings_advisory_idx on findings (advisory_id) where advisory_id is not null;
