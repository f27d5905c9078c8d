import { useMemo, useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from '../api/client';
import type { Asset, Page } from '../api/types';
import { Empty, Failure, Loading } from '../components/ui';
import { assetHref, Link, useLocation } from '../router';

interface AssetFilter { kind?: string; owner?: string; label?: string; q?: string; account?: string }

export function Inventory() {
  const { query } = useLocation();
  const initial: AssetFilter = { kind: query.get('kind') ?? 'aws.ec2.instance', owner: query.get('owner') ?? '', label: query.get('label') ?? '', q: query.get('q') ?? '' };
  const [filter, setFilter] = useState<AssetFilter>(initial);
  const [draft, setDraft] = useState<AssetFilter>(initial);
  const assets = useInfiniteQuery({
    queryKey: ['assets', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Asset>>(`/api/v1/assets${qs({ ...filter, limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = useMemo(() => assets.data?.pages.flatMap((p) => p.items) ?? [], [assets.data]);
  const field = (k: keyof AssetFilter, label: string, placeholder = '') => (
    <label>{label}<input value={draft[k] ?? ''} placeholder={placeholder} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} /></label>
  );
  const submit = (e: FormEvent) => { e.preventDefault(); setFilter({ ...draft }); };
  return (
    <div className="page">
      <header className="page-head"><h1>Asset inventory</h1></header>
      <form className="filters" onSubmit={submit} aria-label="asset filters">
        {field('kind', 'Kind', 'aws.ec2.*, container.image…')}{field('q', 'Search', 'name or uid')}{field('owner', 'Owner')}{field('label', 'Label', 'isPublic, SensitiveData…')}
        <button type="submit">Filter</button>
      </form>
      {assets.isPending ? <Loading /> : assets.isError ? <Failure error={assets.error} what="assets" /> : items.length === 0 ? <Empty>No assets match.</Empty> : (
        <>
          <table className="table">
            <thead><tr><th>Name</th><th>Kind</th><th>Owner</th><th>Account</th><th>Region</th><th>Labels</th></tr></thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.uid}>
                  <td><Link to={assetHref(a.uid)} className="asset-link" title={a.uid}>{a.name ?? a.uid}</Link></td>
                  <td>{a.kind}</td><td>{a.owner ?? <span className="muted">none</span>}</td><td>{a.account ?? ''}</td><td>{a.region ?? ''}</td>
                  <td>{a.labels.map((l) => <span key={l} className="chip label">{l}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager"><span className="muted">{items.length} shown</span>
            {assets.hasNextPage ? <button type="button" onClick={() => void assets.fetchNextPage()}>Load more</button> : null}</div>
        </>
      )}
    </div>
  );
}
