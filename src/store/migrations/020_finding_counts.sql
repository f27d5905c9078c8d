-- Dashboard aggregates (issue: ≤ 300 ms at 1M findings). Counting open findings by owner and severity
-- scanned every finding on each dashboard load (~2.5 s of CPU at 1M on PGlite). finding_counts holds those
-- counts; any statement that can change them (an insert, delete or truncate of findings, or an update
-- naming owner, kind, severity or status, even one that matched no row) appends a row to
-- finding_counts_stale through a statement-level trigger: one small insert per writing transaction, no
-- lock shared between writers, nothing for updates of other columns only (risk scores, last_seen). A
-- reader finding stale marks recomputes the counts in one set-based pass and removes the marks it saw
-- (src/store/queries/finding-counts.ts); otherwise it reads a few hundred rows.

create table finding_counts (
  owner     text not null,
  kind      text not null,
  severity  text not null,
  open      integer not null,
  primary key (owner, kind, severity)
);
comment on table finding_counts is 'Open findings counted by owner, kind and severity; valid while finding_counts_stale is empty (finding-counts.ts).';
comment on column finding_counts.owner is 'The findings'' owner; empty string for findings with no owner.';
comment on column finding_counts.kind is 'findings.kind.';
comment on column finding_counts.severity is 'findings.severity.';
comment on column finding_counts.open is 'How many findings with this owner, kind and severity are open.';

create table finding_counts_stale (
  id    bigint generated always as identity primary key,
  txid  bigint not null default txid_current(),
  at    timestamptz not null default now()
);
comment on table finding_counts_stale is 'One row per transaction that may have changed finding_counts since it was last computed; removed by the recomputation.';
comment on column finding_counts_stale.id is 'Mark id: a recomputation removes the marks it saw, not ones committed after it started.';
comment on column finding_counts_stale.txid is 'The writing transaction: one mark per transaction, however many statements it ran.';
comment on column finding_counts_stale.at is 'When the statement ran.';

create function finding_counts_mark() returns trigger language plpgsql as $$
begin
  insert into finding_counts_stale (txid) select txid_current()
  where not exists (select 1 from finding_counts_stale where txid = txid_current());
  return null;
end $$;
comment on function finding_counts_mark() is 'Statement trigger on findings: marks finding_counts stale.';

create trigger finding_counts_mark_rows after insert or delete on findings for each statement execute function finding_counts_mark();
create trigger finding_counts_mark_update after update of owner, kind, severity, status on findings for each statement execute function finding_counts_mark();
create trigger finding_counts_mark_truncate after truncate on findings for each statement execute function finding_counts_mark();

insert into finding_counts (owner, kind, severity, open)
select coalesce(owner, ''), kind, severity, count(*) from findings where status = 'open' group by 1, 2, 3;
