-- Vulnerability intelligence (issue #4).
--
-- 1. Exploitability context is read, not stored. EPSS scores change daily and spread changes with every
--    image that shares a vulnerability: kept in a finding's content, each import would change the content
--    hash of thousands of findings and record an 'updated' event on each. The matcher no longer writes
--    them; v_finding_exploitability computes them from the epss and kev tables and the open findings.
-- 2. advisory_packages: the (ecosystem, name) keys each advisory's affected entries name, filled at import,
--    so the matcher selects the candidate advisories of a few hundred packages by index instead of
--    expanding every stored advisory's affected list.

create table advisory_packages (
  key          text not null,
  advisory_id  text not null,
  primary key (key, advisory_id)
);
create index advisory_packages_advisory_idx on advisory_packages (advisory_id);
comment on table advisory_packages is 'Which packages each advisory names: its affected entries'' loose (ecosystem, name) keys, filled at import.';
comment on column advisory_packages.key is 'Lower-cased OSV ecosystem base, a tab, and the lower-cased package name (PEP 503 for PyPI).';
comment on column advisory_packages.advisory_id is 'The advisory naming the package (advisories.id; advisories are never deleted, withdrawn ones keep their row).';

insert into advisory_packages (key, advisory_id)
select distinct lower(split_part(e->'package'->>'ecosystem', ':', 1)) || chr(9) ||
         case when lower(split_part(e->'package'->>'ecosystem', ':', 1)) = 'pypi'
              then regexp_replace(lower(e->'package'->>'name'), '[-_.]+', '-', 'g')
              else lower(e->'package'->>'name') end,
       a.id
from advisories a, jsonb_array_elements(case when jsonb_typeof(a.affected) = 'array' then a.affected else '[]' end) e
where jsonb_typeof(e) = 'object' and e->'package'->>'ecosystem' is not null and e->'package'->>'name' is not null;

create view v_finding_exploitability as
select f.id as finding_id, ids.cves,
       e.score as epss_score, e.percentile as epss_percentile,
       k.cve_id is not null as in_kev, coalesce(k.known_ransomware, false) as kev_ransomware, k.date_added as kev_date_added,
       s.assets as spread_assets, s.owners as spread_owners
from findings f
cross join lateral (
  select coalesce(array_agg(distinct upper(c)), '{}') as cves
  from (select f.advisory_id as c
        union all
        select jsonb_array_elements_text(case when jsonb_typeof(f.properties->'aliases') = 'array' then f.properties->'aliases' else '[]' end)) x
  where c ~* '^CVE-[0-9]{4}-[0-9]+$') ids
left join lateral (select score, percentile from epss where cve_id = any(ids.cves) order by score desc limit 1) e on true
left join lateral (select cve_id, known_ransomware, date_added from kev where upper(cve_id) = any(ids.cves)
                   order by known_ransomware desc, cve_id limit 1) k on true
left join lateral (select count(distinct g.asset_uid)::int as assets, count(distinct g.owner)::int as owners from findings g
                   where g.advisory_id = f.advisory_id and g.kind = 'vuln' and g.status = 'open') s on true
where f.kind = 'vuln';
comment on view v_finding_exploitability is 'Exploitability context of vulnerability findings, computed when read: EPSS, CISA KEV and spread.';
comment on column v_finding_exploitability.cves is 'CVE ids of the finding: its advisory id and CVE aliases.';
comment on column v_finding_exploitability.epss_score is 'Highest current EPSS score among its CVEs.';
comment on column v_finding_exploitability.epss_percentile is 'Percentile of that EPSS score.';
comment on column v_finding_exploitability.in_kev is 'One of its CVEs is in CISA KEV.';
comment on column v_finding_exploitability.kev_ransomware is 'KEV says it is used in ransomware campaigns.';
comment on column v_finding_exploitability.kev_date_added is 'When CISA added it to KEV.';
comment on column v_finding_exploitability.spread_assets is 'Assets with an open finding of the same advisory.';
comment on column v_finding_exploitability.spread_owners is 'Distinct owners of those findings.';

create or replace view v_findings as
select f.id, f.fingerprint, f.kind, f.rule_id, f.advisory_id, f.title, f.description, f.severity,
       f.risk_score, f.risk_factors, f.asset_uid, f.package_purl, f.owner, f.owner_reason, f.status, f.triage,
       f.unverified, f.evidence, f.remediation, f.properties, f.first_seen,
       greatest(f.last_seen, (select max(s.last_attempt_at) from finding_sources fs
                               join scope_state s on s.source = fs.source and s.scope = fs.scope
                              where fs.finding_id = f.id and f.status = 'open' and not f.unverified)) as last_seen,
       f.resolved_at, f.due_at,
       (select coalesce(array_agg(fs.source order by fs.source), '{}') from finding_sources fs where fs.finding_id = f.id) as sources,
       x.epss_score, x.epss_percentile, x.in_kev, x.kev_ransomware, x.spread_assets, x.spread_owners
from findings f
left join v_finding_exploitability x on x.finding_id = f.id;
comment on column v_findings.last_seen is 'When last reported: the latest run of a reporting scope for open, verified findings; otherwise when last verified.';
comment on column v_findings.sources is 'Sources (tools) that currently report this finding.';
comment on column v_findings.epss_score is 'Vulnerability findings: highest current EPSS score among its CVEs (v_finding_exploitability).';
comment on column v_findings.epss_percentile is 'Percentile of that EPSS score.';
comment on column v_findings.in_kev is 'Vulnerability findings: one of its CVEs is in CISA KEV; null for other kinds.';
comment on column v_findings.kev_ransomware is 'KEV says it is used in ransomware campaigns; null for other kinds.';
comment on column v_findings.spread_assets is 'Vulnerability findings: assets with an open finding of the same advisory.';
comment on column v_findings.spread_owners is 'Distinct owners of those findings.';
