-- Posture scores (issue #7): one row per day, scope and domain, recorded at the end of every analyze (the
-- same day's row is overwritten), so the dashboard can show trends. The formula is in docs/risk.md.

create table posture_scores (
  day            date not null,
  scope_kind     text not null check (scope_kind in ('org', 'owner', 'account')),
  scope_id       text not null,
  domain         text not null check (domain in ('overall', 'configuration', 'vulnerability', 'iam', 'coverage', 'data')),
  score          numeric(5,2) not null,
  open_findings  integer not null,
  open_risk      numeric not null,
  assets         integer not null,
  computed_at    timestamptz not null,
  primary key (day, scope_kind, scope_id, domain)
);
comment on table posture_scores is 'Daily posture score history per scope (organization, owner, account) and domain; one row per day, the latest analyze of the day wins.';
comment on column posture_scores.day is 'Day (UTC) the score is for.';
comment on column posture_scores.scope_kind is 'org (the whole organization), owner or account.';
comment on column posture_scores.scope_id is 'The owner id or account id; empty for org.';
comment on column posture_scores.domain is 'overall, or one domain: configuration, vulnerability, iam, coverage, data.';
comment on column posture_scores.score is 'Posture 0-100: 100 / (1 + open_risk / (assets x risk per asset)); higher is better, see docs/risk.md.';
comment on column posture_scores.open_findings is 'Open findings counted (triage false_positive and suppressed excluded).';
comment on column posture_scores.open_risk is 'Sum of their risk scores divided by 100 (one 100-point finding = 1).';
comment on column posture_scores.assets is 'Live assets in the scope (at least 1), the normalizer.';
comment on column posture_scores.computed_at is 'When this row was last computed.';
create index posture_scores_scope_idx on posture_scores (scope_kind, scope_id, domain, day);
