import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Me, QueryResult } from '../api/types';
import { Card, Failure, Loading } from '../components/ui';

const EXAMPLE = `select severity, count(*) as open
from v_findings
where status = 'open'
group by severity
order by open desc`;

const SCHEMA_SQL = `select table_name, string_agg(column_name, ', ' order by ordinal_position) as columns
from information_schema.columns where table_name in ('v_findings', 'v_assets', 'v_packages') group by table_name order by table_name`;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
}

export function SqlConsole({ me }: { me: Me }) {
  const [sql, setSql] = useState(EXAMPLE);
  const run = useMutation({ mutationFn: (text: string) => api.post<QueryResult>('/api/v1/query', { sql: text, limit: 1000 }) });
  const schema = useQuery({ queryKey: ['console-schema'], queryFn: () => api.post<QueryResult>('/api/v1/query', { sql: SCHEMA_SQL }) });
  const submit = (e: FormEvent) => { e.preventDefault(); run.mutate(sql); };
  return (
    <div className="page">
      <header className="page-head"><h1>SQL console</h1>
        <span className="muted">one read-only statement, time-limited{me.tenant ? `; you see team ${me.tenant}'s rows only` : ''}</span></header>
      <div className="sql-layout">
        <div>
          <form onSubmit={submit} aria-label="sql">
            <textarea className="sql" value={sql} onChange={(e) => setSql(e.target.value)} spellCheck={false} aria-label="SQL statement" rows={8}
              onKeyDown={(e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run.mutate(sql); }} />
            <button type="submit" disabled={run.isPending}>Run (Ctrl+Enter)</button>
          </form>
          {run.isPending ? <Loading /> : run.isError ? <Failure error={run.error} what="the result" /> : run.data ? (
            <div className="scroll result" data-testid="sql-result">
              <p className="muted">{run.data.items.length} row{run.data.items.length === 1 ? '' : 's'}{run.data.truncated ? ' (truncated)' : ''}</p>
              <table className="table compact">
                <thead><tr>{run.data.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
                <tbody>{run.data.items.map((r, i) => <tr key={i}>{run.data.columns.map((c) => <td key={c}>{cell(r[c])}</td>)}</tr>)}</tbody>
              </table>
            </div>
          ) : null}
        </div>
        <Card title="Schema" className="schema">
          {schema.isPending ? <Loading /> : schema.isError ? <Failure error={schema.error} what="the schema" /> : (
            <dl className="schema-list">{schema.data.items.map((r) => (
              <div key={cell(r.table_name)}><dt><button type="button" className="link-button" onClick={() => setSql(`select * from ${cell(r.table_name)} limit 50`)}>{cell(r.table_name)}</button></dt><dd>{cell(r.columns)}</dd></div>
            ))}</dl>
          )}
          <p className="muted small">Every table and column is described in docs/schema.md.</p>
        </Card>
      </div>
    </div>
  );
}
