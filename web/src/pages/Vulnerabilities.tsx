import { useMemo, useState } from 'react';
import type { Finding } from '../api/types';
import { Empty, Failure, Loading } from '../components/ui';
import { FindingsTable, useFindings } from './AlertCenter';

/** Inherited from a base image: the vulnerability engine records which base image introduced the package. */
const inherited = (f: Finding) => Boolean((f.evidence as { inherited?: unknown }).inherited);

export function Vulnerabilities() {
  const [split, setSplit] = useState<'all' | 'product' | 'base'>('all');
  const q = useFindings({ kind: 'vuln' }, 100);
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  const base = items.filter(inherited);
  const shown = split === 'all' ? items : split === 'base' ? base : items.filter((f) => !inherited(f));
  return (
    <div className="page">
      <header className="page-head"><h1>Vulnerabilities</h1>
        <span className="muted">base-image vulnerabilities belong to the base image's owner; product ones to the image's team</span></header>
      <div className="tabs" role="tablist">
        {(['all', 'product', 'base'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={split === s} className={split === s ? 'active' : ''} onClick={() => setSplit(s)}>
            {s === 'all' ? `All (${items.length})` : s === 'base' ? `From base images (${base.length})` : `Product layers (${items.length - base.length})`}
          </button>
        ))}
      </div>
      {q.isPending ? <Loading /> : q.isError ? <Failure error={q.error} what="vulnerabilities" /> : shown.length === 0 ? <Empty>None.</Empty> : <FindingsTable items={shown} />}
      {q.hasNextPage ? <div className="pager"><button type="button" onClick={() => void q.fetchNextPage()}>Load more</button></div> : null}
    </div>
  );
}
