-- Derived asset labels (issue "Posture engines"). Engines assert labels through the scoped sync like any
-- other item; assets.labels keeps the distinct labels of each asset for filters and the views.

create table asset_labels (
  asset_uid   text not null,
  label       text not null,
  source      text not null,
  scope       text not null,
  evidence    jsonb not null default '{}',
  first_seen  timestamptz not null,
  primary key (asset_uid, label, source)
);
comment on table asset_labels is 'Labels asserted on assets (isPublic, Unencrypted, SensitiveData, HighlyPermissiveRole, Log4J, ...), one row per asset, label and asserting source, with the evidence.';
comment on column asset_labels.asset_uid is 'Asset the label is on.';
comment on column asset_labels.label is 'Label name, e.g. isPublic; see docs/labels.md.';
comment on column asset_labels.source is 'Source that asserts it, e.g. engine:labels.';
comment on column asset_labels.scope is 'Scope of that source; a complete run of the scope deletes labels it no longer asserts.';
comment on column asset_labels.evidence is 'Why the label holds (route, security group and ports for isPublic; the tag or finding for others).';
comment on column asset_labels.first_seen is 'When first asserted.';
create index asset_labels_scope_idx on asset_labels (source, scope);
create index asset_labels_label_idx on asset_labels (label);
