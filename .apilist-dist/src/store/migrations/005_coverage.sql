-- Coverage (issue "Posture engines"): which running workloads no scanner has looked at, and where the
-- detective services are on. Stable views: extend, never rename.

-- Workloads are running EC2 instances, running (or starting) Kubernetes pods, and the container images they
-- run. A workload is scanned when a scanner reported its packages or a vulnerability on it or on an image
-- it runs; Mothership's own engines (sources engine:*) are not scanners.
create view v_workload_coverage as
with compute as (
  select a.uid, a.kind, a.name, a.owner, a.account, a.region
  from assets a
  where a.gone_at is null and not a.reference
    and ((a.kind = 'aws.ec2.instance' and coalesce(a.properties->'State'->>'Name', 'running') = 'running')
      or (a.kind = 'k8s.pod' and coalesce(a.properties->'status'->>'phase', 'Running') in ('Running', 'Pending')))
), images as (
  -- One row per image and account it runs in; its owner, else the owner of (one of) the compute running it.
  select distinct on (r.to_uid, c.account) r.to_uid as uid, coalesce(i.kind, 'container.image') as kind,
         coalesce(i.name, r.to_uid) as name, coalesce(i.owner, c.owner) as owner, c.account, c.region
  from compute c
  join relationships r on r.from_uid = c.uid and r.kind = 'runs_image'
  left join assets i on i.uid = r.to_uid
  order by r.to_uid, c.account, c.owner nulls last, c.uid
), workloads as (
  select c.*, array(select distinct r.to_uid from relationships r where r.from_uid = c.uid and r.kind = 'runs_image' order by r.to_uid) as images
  from compute c
  union all
  select i.*, '{}'::text[] from images i
)
select w.uid, w.kind, w.name, w.owner, w.account, w.region, w.images,
       s.sources as scanned_by, cardinality(s.sources) > 0 as scanned
from workloads w
cross join lateral (
  select array(
    select x.source from (
      select p.source from packages p where p.asset_uid = any(array[w.uid] || w.images)
      union
      select fs.source from findings f join finding_sources fs on fs.finding_id = f.id
      where f.asset_uid = any(array[w.uid] || w.images) and f.kind = 'vuln' and fs.source not like 'engine:%'
    ) x order by x.source) as sources
) s;
comment on view v_workload_coverage is 'Running workloads (EC2 instances, Kubernetes pods, the container images they run) and the scanners that cover each: a workload no scanner covers is a blind spot.';
comment on column v_workload_coverage.uid is 'Workload asset uid (for an image, possibly known only from the pods running it).';
comment on column v_workload_coverage.kind is 'aws.ec2.instance, k8s.pod or container.image.';
comment on column v_workload_coverage.name is 'Human name.';
comment on column v_workload_coverage.owner is 'Owning team; for an image without one, the owner of compute running it.';
comment on column v_workload_coverage.account is 'AWS account or Kubernetes cluster; an image appears once per account it runs in.';
comment on column v_workload_coverage.region is 'Region, when the workload has one.';
comment on column v_workload_coverage.images is 'Container images the workload runs (runs_image); their scans cover it.';
comment on column v_workload_coverage.scanned_by is 'Scanner sources that reported packages or vulnerabilities on the workload or its images.';
comment on column v_workload_coverage.scanned is 'True when some scanner covers it.';

create view v_coverage as
with w as (
  select * from v_workload_coverage
), regions as (
  select account, region,
         properties->>'CloudTrail' = 'enabled' as cloudtrail,
         properties->>'GuardDuty' = 'enabled' as guardduty,
         properties->>'Config' = 'enabled' as config
  from assets where kind = 'aws.region' and gone_at is null
), account_workloads as (
  select account, count(*) as total, count(*) filter (where scanned) as scanned from w group by account
), account_regions as (
  select account, count(*) as total, count(*) filter (where cloudtrail) as cloudtrail,
         count(*) filter (where guardduty) as guardduty, count(*) filter (where config) as config
  from regions group by account
), owner_workloads as (
  select owner, count(*) as total, count(*) filter (where scanned) as scanned from w group by owner
), owner_regions as (
  -- The regions an owner runs workloads in.
  select o.owner, count(*) as total, count(*) filter (where r.cloudtrail) as cloudtrail,
         count(*) filter (where r.guardduty) as guardduty, count(*) filter (where r.config) as config
  from (select distinct owner, account, region from w where region is not null) o
  join regions r on r.account = o.account and r.region = o.region
  group by o.owner
), accounts as (
  select account from account_workloads union select account from account_regions
), rows as (
  select 'account'::text as grouping, a.account, null::text as owner,
         aw.total as workloads, aw.scanned, ar.total as regions, ar.cloudtrail, ar.guardduty, ar.config
  from accounts a
  left join account_workloads aw on aw.account is not distinct from a.account
  left join account_regions ar on ar.account is not distinct from a.account
  union all
  select 'owner', null, ow.owner, ow.total, ow.scanned, orr.total, orr.cloudtrail, orr.guardduty, orr.config
  from owner_workloads ow left join owner_regions orr on orr.owner is not distinct from ow.owner
)
select grouping, account, owner,
       coalesce(workloads, 0)::int as compute_assets, coalesce(scanned, 0)::int as scanned_assets,
       round(100.0 * scanned / nullif(workloads, 0), 1) as scanned_pct,
       coalesce(regions, 0)::int as regions,
       coalesce(cloudtrail, 0)::int as cloudtrail_regions, round(100.0 * cloudtrail / nullif(regions, 0), 1) as cloudtrail_pct,
       coalesce(guardduty, 0)::int as guardduty_regions, round(100.0 * guardduty / nullif(regions, 0), 1) as guardduty_pct,
       coalesce(config, 0)::int as config_regions, round(100.0 * config / nullif(regions, 0), 1) as config_pct
from rows;
comment on view v_coverage is 'Coverage per account and per owner: running workloads a scanner covers, and regions where CloudTrail, GuardDuty and AWS Config are on.';
comment on column v_coverage.grouping is 'account (one row per AWS account or cluster) or owner (one row per owning team; null owner = unowned).';
comment on column v_coverage.account is 'The account or cluster, on account rows; null on owner rows.';
comment on column v_coverage.owner is 'The owning team, on owner rows; null on account rows (and for unowned workloads on owner rows).';
comment on column v_coverage.compute_assets is 'Running workloads (v_workload_coverage rows): EC2 instances, pods, the images they run.';
comment on column v_coverage.scanned_assets is 'Of those, how many some scanner covers.';
comment on column v_coverage.scanned_pct is 'scanned_assets as a percentage of compute_assets; null when there are none.';
comment on column v_coverage.regions is 'Regions with a collected aws.region state: of the account, or, on owner rows, where the owner runs workloads.';
comment on column v_coverage.cloudtrail_regions is 'Of those regions, how many have a logging CloudTrail trail.';
comment on column v_coverage.cloudtrail_pct is 'cloudtrail_regions as a percentage of regions.';
comment on column v_coverage.guardduty_regions is 'Of those regions, how many have GuardDuty enabled.';
comment on column v_coverage.guardduty_pct is 'guardduty_regions as a percentage of regions.';
comment on column v_coverage.config_regions is 'Of those regions, how many have an AWS Config recorder recording.';
comment on column v_coverage.config_pct is 'config_regions as a percentage of regions.';
