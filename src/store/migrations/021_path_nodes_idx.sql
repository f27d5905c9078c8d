-- Attack paths through one asset (GET /api/v1/paths?asset=, the asset page): a containment match on the
-- path's nodes, `evidence->'nodes' @> '[{"uid": ...}]'`. jsonb_path_ops indexes each node's values by path, so
-- the match reads the few paths naming the uid instead of every path's evidence; only path findings carry nodes.
create index findings_path_nodes_idx on findings using gin ((evidence->'nodes') jsonb_path_ops) where kind = 'path';
comment on index findings_path_nodes_idx is 'Paths through an asset: containment on evidence->''nodes'' of kind=path findings (docs/paths.md).';
