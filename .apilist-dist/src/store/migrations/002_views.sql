-- Stable public views: the query surface for the SQL console, rules and BI tools. Extend, never rename.

create view v_assets as
select a.uid, a.kind, a.provider, a.account, a.region, a.name, a.properties, a.tags, a.labels,
       a.owner, a.owner_reason, a.environment, a.criticality, a.source, a.scope, a.reference, a.unverified,
       a.first_seen,
       case when a.gone_at is null and not a.unverified and s.last_attempt_at > a.last_seen
            then s.last_attempt_at else a.last_seen end as last_seen,
       a.gone_at
from assets a
left join scope_state s on s.source = a.source and s.scope = a.scope;
comment on view v_assets is 'Assets with last_seen made current from the latest run of their scope. Includes gone assets (gone_at not null).';

create view v_findings as
select f.id, f.fingerprint, f.kind, f.rule_id, f.advisory_id, f.title, f.description, f.severity,
       f.risk_score, f.risk_factors, f.asset_uid, f.package_purl, f.owner, f.owner_reason, f.status, f.triage,
       f.unverified, f.evidence, f.remediation, f.properties, f.first_seen,
       greatest(f.last_seen, (select max(s.last_attempt_at) from finding_sources fs
                               join scope_state s on s.source = fs.source and s.scope = fs.scope
                              where fs.finding_id = f.id and f.status = 'open' and not f.unverified)) as last_seen,
       f.resolved_at, f.due_at,
       (select coalesce(array_agg(fs.source order by fs.source), '{}') from finding_sources fs where fs.finding_id = f.id) as sources
from findings f;
comment on view v_findings is 'Findings with the list of sources that report them and last_seen made current.';

create view v_packages as
select p.asset_uid, p.purl, p.path, p.ecosystem, p.name, p.version, p.source_name, p.source_version,
       p.layer_digest, p.licenses, p.source, p.first_seen, a.kind as asset_kind, a.owner
from packages p left join assets a on a.uid = p.asset_uid;
comment on view v_packages is 'Installed packages with the kind and owner of the asset they are on.';
comment on column v_assets.last_seen is 'When last seen: the latest run of its scope for present, verified assets; otherwise when last verified.';
comment on column v_findings.last_seen is 'When last reported: the latest run of a reporting scope for open, verified findings; otherwise when last verified.';
comment on column v_findings.sources is 'Sources (tools) that currently report this finding.';
comment on column v_packages.asset_kind is 'Kind of the asset the package is on.';
comment on column v_packages.owner is 'Owner of the asset the package is on.';
