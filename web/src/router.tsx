import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

/** A few lines of history routing: the server answers index.html for every page path. */
const listeners = new Set<() => void>();
function subscribe(l: () => void): () => void {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const loc = useSyncExternalStore(subscribe, snapshot);
  const [path, search = ''] = loc.split('?');
  return { path: path ?? '/', query: new URLSearchParams(search) };
}

export function Link({ to, children, className, title }: { to: string; children: ReactNode; className?: string; title?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick} className={className} title={title}>{children}</a>;
}

export const assetHref = (uid: string) => `/assets/${encodeURIComponent(uid)}`;
export const findingHref = (id: number) => `/findings/${id}`;
export const pathHref = (id: number) => `/paths/${id}`;
export const ownerHref = (id: string) => `/owners/${encodeURIComponent(id)}`;
