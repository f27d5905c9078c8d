-- Triage and tracking (issue 8, part 2): who decided what about a finding, until when and on which facts;
-- SLA policies; suppression rules. findings.status stays the pipeline's detection state; findings.triage is
-- the people's state (and 'suppressed', set only by suppression rules). docs/triage.md explains it.

alter table findings add column assignee text;
alter table findings add column triage_reason text;
alter table findings add column triage_expires_at timestamptz;
alter table findings add column triage_by text;
alter table findings add column triage_at timestamptz;
alter table findings add column triage_facts jsonb;
alter table findings add column suppression_id bigint;
comment on column findings.assignee is 'Who works on it (a user name or any handle); null when unassigned.';
comment on column findings.triage_reason is 'Why the current triage state was chosen (required for risk_accepted and false_positive; the rule''s reason when suppressed).';
comment on column findings.triage_expires_at is 'When a risk acceptance ends: the finding returns to triage none at the first run after it.';
comment on column findings.triage_by is 'User who set the current triage state; null when a suppression rule or a run set it.';
comment on column findings.triage_at is 'When the current triage state was set.';
comment on column findings.triage_facts is 'Risk acceptance: the facts checked when it was accepted ({checked_at, severity, epss_threshold, facts: [{fact, holds, text}], relied_on}); a run that finds one of relied_on no longer true revokes the acceptance.';
comment on column findings.suppression_id is 'The suppression rule (suppressions.id) that set triage suppressed; null otherwise.';

-- Post-run work reads only the findings it concerns: triaged ones, and open ones still without a due date.
create index findings_triage_idx on findings (triage) where triage <> 'none';
create index findings_due_pending_idx on findings (severity) where due_at is null and status = 'open';

create table sla_policies (
  severity     text not null check (severity in ('critical', 'high', 'medium', 'low', 'info')),
  criticality  text not null default '*' check (criticality = lower(criticality)),
  days         integer check (days > 0),
  updated_at   timestamptz not null default now(),
  updated_by   text,
  primary key (severity, criticality)
);
comment on table sla_policies is 'SLA: days from first detection to the due date, per severity and asset criticality. Admins edit it through PUT /api/v1/sla/policies.';
comment on column sla_policies.severity is 'Finding severity.';
comment on column sla_policies.criticality is 'Asset criticality (assets.criticality, lower-cased), or * for any other or none.';
comment on column sla_policies.days is 'Days from findings.first_seen to findings.due_at; null: no SLA.';
comment on column sla_policies.updated_at is 'When the row was last set.';
comment on column sla_policies.updated_by is 'Who set it; null for the shipped defaults.';

insert into sla_policies (severity, criticality, days) values
  ('critical', '*', 15), ('critical', 'critical', 7), ('critical', 'high', 7), ('critical', 'low', 30),
  ('high', '*', 30), ('high', 'critical', 15), ('high', 'high', 15), ('high', 'low', 60),
  ('medium', '*', 90), ('medium', 'critical', 60), ('medium', 'high', 60), ('medium', 'low', 180),
  ('low', '*', 180), ('low', 'critical', 120), ('low', 'high', 120), ('low', 'low', 365),
  ('info', '*', null);

create table suppressions (
  id             bigint generated always as identity primary key,
  rule_id        text,
  asset_pattern  text,
  asset_like     text,
  label          text,
  owner          text,
  reason         text not null,
  expires_at     timestamptz,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  check (rule_id is not null or asset_pattern is not null or label is not null or owner is not null),
  check ((asset_pattern is null) = (asset_like is null))
);
comment on table suppressions is 'Suppression rules: open findings matching every criterion set get triage suppressed at the end of each run, until the rule expires or is deleted.';
comment on column suppressions.id is 'Rule number.';
comment on column suppressions.rule_id is 'Matches findings whose rule_id or advisory_id equals it; null: any.';
comment on column suppressions.asset_pattern is 'Glob over findings.asset_uid (* any run of characters, ? one character); null: any.';
comment on column suppressions.asset_like is 'asset_pattern as a LIKE pattern (escape \), derived when the rule is created.';
comment on column suppressions.label is 'Matches findings whose asset carries this label (assets.labels); null: any.';
comment on column suppressions.owner is 'Matches findings of this owner; null: any. Members see only rules of their own owners.';
comment on column suppressions.reason is 'Why: shown on every suppressed finding.';
comment on column suppressions.expires_at is 'When the rule stops applying (its findings return to triage none at the next run); null: never.';
comment on column suppressions.created_by is 'User who created it.';
comment on column suppressions.created_at is 'When it was created.';
