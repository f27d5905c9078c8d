-- Mothership core schema. Every table and column carries a comment: docs/schema.md is generated from them.

create table tenants (
  id          text primary key,
  name        text not null,
  created_at  timestamptz not null default now()
);
comment on table tenants is 'Isolation units of the API and dashboard: every owning team is a tenant and sees only its own data.';
comment on column tenants.id is 'Stable tenant id, usually the owning team id.';
comment on column tenants.name is 'Display name.';
comment on column tenants.created_at is 'When the tenant was created.';

create table owners (
  id             text primary key,
  name           text not null,
  kind           text not null default 'team',
  tenant_id      text references tenants(id),
  slack_channel  text,
  jira_project   text,
  email          text,
  properties     jsonb not null default '{}',
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
comment on table owners is 'Teams (and people) that own assets and the findings on them.';
comment on column owners.id is 'Stable owner id as used in assets.owner and findings.owner, e.g. team-payments.';
comment on column owners.name is 'Display name.';
comment on column owners.kind is 'team, person or system.';
comment on column owners.tenant_id is 'The tenant whose members act for this owner.';
comment on column owners.slack_channel is 'Where notifications for this owner go in Slack.';
comment on column owners.jira_project is 'Jira project key for tickets of this owner.';
comment on column owners.email is 'Contact address.';
comment on column owners.properties is 'Other attributes from the catalogue (members, on-call, ...).';
comment on column owners.created_at is 'When the owner was first recorded.';
comment on column owners.updated_at is 'When the owner last changed.';

create table users (
  id             bigint generated always as identity primary key,
  name           text not null unique,
  role           text not null check (role in ('admin', 'analyst', 'member', 'viewer')),
  tenant_id      text references tenants(id),
  password_hash  text,
  created_at     timestamptz not null default now(),
  disabled_at    timestamptz
);
comment on table users is 'People and robots that log in to the API and dashboard.';
comment on column users.id is 'Surrogate key.';
comment on column users.name is 'Login name, unique.';
comment on column users.role is 'admin, analyst (all tenants), member (own tenant only) or viewer (read-only).';
comment on column users.tenant_id is 'The tenant a member or viewer is confined to; null for admins and analysts.';
comment on column users.password_hash is 'argon2id hash of the password; null for token-only users.';
comment on column users.created_at is 'When the user was created.';
comment on column users.disabled_at is 'When the user was disabled; null while active.';

create table tokens (
  id            bigint generated always as identity primary key,
  user_id       bigint not null references users(id),
  token_hash    text not null unique,
  name          text,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
comment on table tokens is 'API tokens; only a hash is stored, the token is shown once.';
comment on column tokens.id is 'Surrogate key.';
comment on column tokens.user_id is 'The user the token acts as (its role and tenant).';
comment on column tokens.token_hash is 'SHA-256 of the token.';
comment on column tokens.name is 'What the token is for.';
comment on column tokens.created_at is 'When the token was issued.';
comment on column tokens.expires_at is 'When the token stops working; null for never.';
comment on column tokens.last_used_at is 'Last time the token authenticated a request.';
comment on column tokens.revoked_at is 'When the token was revoked.';

create table runs (
  id           bigint generated always as identity primary key,
  source       text not null,
  status       text not null check (status in ('running', 'succeeded', 'partial', 'failed', 'interrupted')),
  started_at   timestamptz not null default now(),
  finished_at  timestamptz,
  input        jsonb not null default '{}',
  counts       jsonb not null default '{}',
  error        text,
  host         text,
  pid          integer
);
comment on table runs is 'Each collection, import or analysis: what ran, over what, how it ended, and what it changed.';
comment on column runs.id is 'Run number, increasing.';
comment on column runs.source is 'Source or engine id, e.g. aws-dump, trivy-json, engine:rules.';
comment on column runs.status is 'running, succeeded (every scope complete), partial (some scope partial or failed), failed (nothing written) or interrupted (the process died).';
comment on column runs.started_at is 'When the run started.';
comment on column runs.finished_at is 'When the run ended; null while running.';
comment on column runs.input is 'What the run read: files, directories, options.';
comment on column runs.counts is 'Counts of records seen and rows inserted, updated, gone, resolved, reopened.';
comment on column runs.error is 'Why the run failed or was partial.';
comment on column runs.host is 'Host name of the process that ran it.';
comment on column runs.pid is 'Process id that ran it (used to detect interrupted runs).';

create table run_scopes (
  run_id    bigint not null references runs(id) on delete cascade,
  scope     text not null,
  coverage  text not null check (coverage in ('complete', 'partial', 'failed')),
  error     text,
  primary key (run_id, scope)
);
comment on table run_scopes is 'The scopes a run covered and how completely. Only complete scopes resolve what was not seen.';
comment on column run_scopes.run_id is 'The run.';
comment on column run_scopes.scope is 'Scope path, e.g. aws:123456789012:us-east-1:ec2 or image:sha256:....';
comment on column run_scopes.coverage is 'complete, partial or failed.';
comment on column run_scopes.error is 'Why the scope was partial or failed (e.g. AccessDenied).';

create table scope_state (
  source                text not null,
  scope                 text not null,
  last_run_id           bigint not null,
  last_coverage         text not null check (last_coverage in ('complete', 'partial', 'failed')),
  last_attempt_at       timestamptz not null,
  last_complete_run_id  bigint,
  last_complete_at      timestamptz,
  last_error            text,
  primary key (source, scope)
);
comment on table scope_state is 'Per source and scope: the latest attempt and the latest complete coverage.';
comment on column scope_state.source is 'Source id.';
comment on column scope_state.scope is 'Scope path.';
comment on column scope_state.last_run_id is 'Latest run that covered this scope at all.';
comment on column scope_state.last_coverage is 'Coverage of that latest run.';
comment on column scope_state.last_attempt_at is 'Start of that latest run.';
comment on column scope_state.last_complete_run_id is 'Latest run that covered this scope completely.';
comment on column scope_state.last_complete_at is 'Start of that run: items not unverified were seen then.';
comment on column scope_state.last_error is 'Error of the latest attempt, if any.';

create table assets (
  uid           text primary key,
  kind          text not null,
  provider      text,
  account       text,
  region        text,
  name          text,
  properties    jsonb not null default '{}',
  tags          jsonb not null default '{}',
  labels        text[] not null default '{}',
  owner         text,
  owner_reason  text,
  environment   text,
  criticality   text,
  source        text not null,
  scope         text not null,
  reference     boolean not null default false,
  unverified    boolean not null default false,
  content_hash  text not null,
  first_seen    timestamptz not null,
  last_seen     timestamptz not null,
  gone_at       timestamptz
);
comment on table assets is 'One row per thing in the estate, keyed by a stable uid.';
comment on column assets.uid is 'Stable id: ARN for AWS, k8s:<cluster>/<ns>/<kind>/<name>, image digest reference, purl, github:<org>/<repo>.';
comment on column assets.kind is 'Dotted kind, e.g. aws.ec2.instance, aws.s3.bucket, aws.iam.role, container.image, service.';
comment on column assets.provider is 'aws, k8s, container, github, ... ';
comment on column assets.account is 'Cloud account (AWS account id) or cluster.';
comment on column assets.region is 'Region; null for global resources.';
comment on column assets.name is 'Human name (Name tag, bucket name, image reference).';
comment on column assets.properties is 'Configuration as the provider returned it, whole.';
comment on column assets.tags is 'Provider tags as key/value.';
comment on column assets.labels is 'Derived labels set by engines: isPublic, HighlyPermissiveRole, Unencrypted, SensitiveData, ...';
comment on column assets.owner is 'Owning team id (owners.id).';
comment on column assets.owner_reason is 'Why this owner: explicit, catalogue, tag, account map or default, with the matching value.';
comment on column assets.environment is 'production, staging, development, ... when known.';
comment on column assets.criticality is 'Business criticality / tier when known.';
comment on column assets.source is 'Source that defines the asset (or that first referenced it).';
comment on column assets.scope is 'Scope within that source; the sweep of a complete run of the scope marks unseen assets gone.';
comment on column assets.reference is 'True while only referenced (by a finding, a pod) and not defined by any source.';
comment on column assets.unverified is 'True when the latest run of its scope was partial or failed and did not see it: not verified since the last complete run.';
comment on column assets.content_hash is 'Hash of the defining content; unchanged input writes nothing.';
comment on column assets.first_seen is 'When first seen.';
comment on column assets.last_seen is 'When last written (created, changed, gone, returned or marked unverified). The view v_assets adds the scope''s latest coverage.';
comment on column assets.gone_at is 'When a complete run of its scope no longer saw it; null while present.';
create index assets_kind_idx on assets (kind) where gone_at is null;
create index assets_scope_idx on assets (source, scope);
create index assets_owner_idx on assets (owner);
create index assets_account_idx on assets (account);

create table relationships (
  from_uid    text not null,
  kind        text not null,
  to_uid      text not null,
  source      text not null,
  scope       text not null,
  properties  jsonb not null default '{}',
  first_seen  timestamptz not null,
  primary key (from_uid, kind, to_uid, source)
);
comment on table relationships is 'Typed edges between asset uids: has_role, in_security_group, runs_image, based_on, can_assume, ...';
comment on column relationships.from_uid is 'Asset uid the edge starts at.';
comment on column relationships.kind is 'Edge kind, snake_case.';
comment on column relationships.to_uid is 'Asset uid (or external principal, CIDR) the edge points to.';
comment on column relationships.source is 'Source that asserted the edge.';
comment on column relationships.scope is 'Scope of that source; a complete run of the scope deletes edges it no longer asserts.';
comment on column relationships.properties is 'Edge attributes (ports, conditions, ...).';
comment on column relationships.first_seen is 'When first asserted.';
create index relationships_to_idx on relationships (to_uid, kind);
create index relationships_scope_idx on relationships (source, scope);

create table packages (
  asset_uid       text not null,
  purl            text not null,
  path            text not null default '',
  ecosystem       text not null,
  name            text not null,
  version         text not null,
  source_name     text,
  source_version  text,
  layer_digest    text,
  licenses        text[] not null default '{}',
  source          text not null,
  scope           text not null,
  first_seen      timestamptz not null,
  primary key (asset_uid, purl, path, source)
);
comment on table packages is 'What is installed where: one row per package per asset, location and reporting source.';
comment on column packages.asset_uid is 'Asset the package is installed on (image, host, repository).';
comment on column packages.purl is 'Package URL including version.';
comment on column packages.path is 'Where it was found (lockfile, jar); empty for OS packages.';
comment on column packages.ecosystem is 'Ecosystem as in OSV: npm, PyPI, Maven, Go, Debian, Alpine, ...';
comment on column packages.name is 'Package name.';
comment on column packages.version is 'Installed version.';
comment on column packages.source_name is 'Distro source package name (libssl3 comes from openssl).';
comment on column packages.source_version is 'Distro source package version.';
comment on column packages.layer_digest is 'Image layer that installed it; tells base-image packages from the product''s own.';
comment on column packages.licenses is 'Declared licenses.';
comment on column packages.source is 'Source that reported it.';
comment on column packages.scope is 'Scope of that source; a complete run of the scope deletes packages no longer reported.';
comment on column packages.first_seen is 'When first reported.';
create index packages_name_idx on packages (ecosystem, name);
create index packages_scope_idx on packages (source, scope);

create table advisories (
  id           text primary key,
  aliases      text[] not null default '{}',
  summary      text,
  details      text,
  severity     text,
  cvss_vector  text,
  cvss_score   numeric(3,1),
  published    timestamptz,
  modified     timestamptz,
  withdrawn    timestamptz,
  affected     jsonb not null default '[]',
  refs         jsonb not null default '[]',
  source       text not null
);
comment on table advisories is 'Vulnerability intelligence (OSV records and scanner-provided advisory data).';
comment on column advisories.id is 'Advisory id as published (CVE-..., GHSA-..., DSA-...).';
comment on column advisories.aliases is 'Other ids of the same vulnerability.';
comment on column advisories.summary is 'One-line summary.';
comment on column advisories.details is 'Full description.';
comment on column advisories.severity is 'critical, high, medium, low or info.';
comment on column advisories.cvss_vector is 'CVSS vector string (v3.x or v4).';
comment on column advisories.cvss_score is 'CVSS base score.';
comment on column advisories.published is 'When published.';
comment on column advisories.modified is 'When last modified upstream.';
comment on column advisories.withdrawn is 'When withdrawn upstream.';
comment on column advisories.affected is 'OSV affected entries (packages, ranges, versions).';
comment on column advisories.refs is 'References (advisories, fixes, exploits).';
comment on column advisories.source is 'Where the record came from (osv, trivy report, ...).';
create index advisories_aliases_idx on advisories using gin (aliases);

create table kev (
  cve_id               text primary key,
  vendor               text,
  product              text,
  name                 text,
  date_added           date,
  due_date             date,
  known_ransomware     boolean not null default false,
  notes                text
);
comment on table kev is 'CISA Known Exploited Vulnerabilities catalog.';
comment on column kev.cve_id is 'CVE id.';
comment on column kev.vendor is 'Vendor or project.';
comment on column kev.product is 'Product.';
comment on column kev.name is 'Vulnerability name.';
comment on column kev.date_added is 'When CISA added it.';
comment on column kev.due_date is 'Federal remediation due date.';
comment on column kev.known_ransomware is 'Known to be used in ransomware campaigns.';
comment on column kev.notes is 'Notes and references.';

create table epss (
  cve_id      text primary key,
  score       double precision not null,
  percentile  double precision not null,
  scored_on   date not null
);
comment on table epss is 'FIRST EPSS exploit-prediction scores.';
comment on column epss.cve_id is 'CVE id.';
comment on column epss.score is 'Probability of exploitation activity in the next 30 days (0..1).';
comment on column epss.percentile is 'Percentile of the score among all CVEs (0..1).';
comment on column epss.scored_on is 'Date of the EPSS model run.';

create table findings (
  id             bigint generated always as identity primary key,
  fingerprint    text not null unique,
  kind           text not null check (kind in ('config', 'iam', 'vuln', 'secret', 'code', 'coverage', 'data', 'path', 'license')),
  rule_id        text,
  advisory_id    text,
  title          text not null,
  description    text,
  severity       text not null check (severity in ('critical', 'high', 'medium', 'low', 'info')),
  risk_score     numeric(5,2),
  risk_factors   jsonb not null default '{}',
  asset_uid      text,
  package_purl   text,
  owner          text,
  owner_reason   text,
  status         text not null default 'open' check (status in ('open', 'resolved')),
  triage         text not null default 'none' check (triage in ('none', 'acknowledged', 'in_progress', 'risk_accepted', 'false_positive', 'suppressed')),
  unverified     boolean not null default false,
  evidence       jsonb not null default '{}',
  remediation    text,
  properties     jsonb not null default '{}',
  source         text not null,
  content_hash   text not null,
  first_seen     timestamptz not null,
  last_seen      timestamptz not null,
  resolved_at    timestamptz,
  due_at         timestamptz
);
comment on table findings is 'One row per distinct problem, identified by a fingerprint stable across re-scans, tools and upgrades.';
comment on column findings.id is 'Finding number.';
comment on column findings.fingerprint is 'Stable identity: hash of what names the problem (asset, package name, canonical advisory, rule).';
comment on column findings.kind is 'config, iam, vuln, secret, code, coverage, data, path or license.';
comment on column findings.rule_id is 'Rule that raised it (config, iam, code, ...).';
comment on column findings.advisory_id is 'Canonical advisory id for vulnerabilities (the CVE when there is one).';
comment on column findings.title is 'One-line title.';
comment on column findings.description is 'Longer description.';
comment on column findings.severity is 'critical, high, medium, low or info, as the source rated it.';
comment on column findings.risk_score is 'Risk 0-100 computed by the risk engine; factors in risk_factors.';
comment on column findings.risk_factors is 'The factors and weights behind risk_score.';
comment on column findings.asset_uid is 'Asset the problem is on.';
comment on column findings.package_purl is 'Affected package (purl with version) for vulnerabilities.';
comment on column findings.owner is 'Owning team: explicit from the source, else the asset''s owner.';
comment on column findings.owner_reason is 'Why this owner.';
comment on column findings.status is 'open or resolved: the detection state, kept by the pipeline.';
comment on column findings.triage is 'Triage state kept by people: none, acknowledged, in_progress, risk_accepted, false_positive, suppressed. Survives resolve and reopen.';
comment on column findings.unverified is 'True when no source has confirmed it since its scope was last completely covered.';
comment on column findings.evidence is 'What shows the problem (fields, values, locations).';
comment on column findings.remediation is 'How to fix it.';
comment on column findings.properties is 'Other source attributes (CVSS, fixed versions, references, ...).';
comment on column findings.source is 'Source whose content (title, evidence) the finding shows: the first to report it, or the one that reopened it.';
comment on column findings.content_hash is 'Hash of the content; unchanged input writes nothing.';
comment on column findings.first_seen is 'When first reported.';
comment on column findings.last_seen is 'When last written (created, changed, resolved, reopened, marked unverified). The view v_findings adds the latest coverage.';
comment on column findings.resolved_at is 'When it was resolved; null while open.';
comment on column findings.due_at is 'SLA due date.';
create index findings_status_idx on findings (status, severity);
create index findings_asset_idx on findings (asset_uid);
create index findings_owner_idx on findings (owner, status);
create index findings_rule_idx on findings (rule_id);
create index findings_advisory_idx on findings (advisory_id);

create table finding_sources (
  finding_id   bigint not null references findings(id) on delete cascade,
  source       text not null,
  scope        text not null,
  original_id  text,
  first_seen   timestamptz not null,
  primary key (finding_id, source)
);
comment on table finding_sources is 'The source records merged into each finding: which tool saw it, in which scope, under which id.';
comment on column finding_sources.finding_id is 'The finding.';
comment on column finding_sources.source is 'Source id (tool).';
comment on column finding_sources.scope is 'Scope of that source; a complete run of the scope that no longer reports it removes this link, and a finding with no link left is resolved.';
comment on column finding_sources.original_id is 'The id the tool gave it (CVE, rule id, alert number).';
comment on column finding_sources.first_seen is 'When this source first reported it.';
create index finding_sources_scope_idx on finding_sources (source, scope);

create table finding_events (
  id           bigint generated always as identity primary key,
  finding_id   bigint not null references findings(id) on delete cascade,
  at           timestamptz not null default now(),
  type         text not null check (type in ('opened', 'resolved', 'reopened', 'updated', 'unverified', 'verified', 'triaged', 'commented', 'assigned')),
  run_id       bigint,
  actor        text,
  details      jsonb not null default '{}'
);
comment on table finding_events is 'Every change to a finding, by a run or a person.';
comment on column finding_events.id is 'Event number.';
comment on column finding_events.finding_id is 'The finding.';
comment on column finding_events.at is 'When.';
comment on column finding_events.type is 'opened, resolved, reopened, updated, unverified, verified, triaged, commented or assigned.';
comment on column finding_events.run_id is 'Run that caused it, if any.';
comment on column finding_events.actor is 'User that caused it, if any.';
comment on column finding_events.details is 'What changed.';
create index finding_events_finding_idx on finding_events (finding_id, at);

create table outbox (
  id             bigint generated always as identity primary key,
  topic          text not null,
  payload        jsonb not null,
  created_at     timestamptz not null default now(),
  dispatched_at  timestamptz,
  attempts       integer not null default 0,
  last_error     text
);
comment on table outbox is 'Transactional outbox: events written with the change that caused them, dispatched to notifiers and streams afterwards.';
comment on column outbox.id is 'Event number.';
comment on column outbox.topic is 'Event topic, e.g. finding.opened.';
comment on column outbox.payload is 'Event body.';
comment on column outbox.created_at is 'When written.';
comment on column outbox.dispatched_at is 'When delivered; null while pending.';
comment on column outbox.attempts is 'Delivery attempts so far.';
comment on column outbox.last_error is 'Error of the last failed attempt.';
create index outbox_pending_idx on outbox (id) where dispatched_at is null;
