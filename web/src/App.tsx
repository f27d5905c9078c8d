import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, setCsrf } from './api/client';
import type { Me } from './api/types';
import { Link, useLocation } from './router';
import { Failure, Loading } from './components/ui';
import { AlertCenter } from './pages/AlertCenter';
import { AssetPage } from './pages/AssetPage';
import { Inventory } from './pages/Inventory';
import { FindingPage } from './pages/FindingPage';
import { Owners, OwnerPage } from './pages/Owners';
import { SqlConsole } from './pages/SqlConsole';
import { Rules } from './pages/Rules';
import { Runs } from './pages/Runs';
import { PathsList } from './pages/PathsList';
import { Vulnerabilities } from './pages/Vulnerabilities';

// Charts and graphs are the heavy parts: loaded with the pages that draw them.
const Dashboard = lazy(() => import('./pages/Dashboard'));
const PathPage = lazy(() => import('./pages/PathPage'));

const NAV: { to: string; label: string; match: (p: string) => boolean }[] = [
  { to: '/', label: 'Dashboard', match: (p) => p === '/' },
  { to: '/alerts', label: 'Alert center', match: (p) => p.startsWith('/alerts') || p.startsWith('/findings') },
  { to: '/assets', label: 'Assets', match: (p) => p.startsWith('/assets') },
  { to: '/paths', label: 'Attack paths', match: (p) => p.startsWith('/paths') },
  { to: '/configuration', label: 'Configuration', match: (p) => p === '/configuration' },
  { to: '/iam', label: 'IAM', match: (p) => p === '/iam' },
  { to: '/vulnerabilities', label: 'Vulnerabilities', match: (p) => p === '/vulnerabilities' },
  { to: '/coverage', label: 'Coverage', match: (p) => p === '/coverage' },
  { to: '/owners', label: 'Owners', match: (p) => p.startsWith('/owners') },
  { to: '/sql', label: 'SQL console', match: (p) => p === '/sql' },
  { to: '/rules', label: 'Rules', match: (p) => p === '/rules' },
  { to: '/runs', label: 'Runs', match: (p) => p === '/runs' },
];

function route(path: string, me: Me): ReactNode {
  const seg = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const [head, arg] = seg;
  switch (head) {
    case undefined: return <Dashboard me={me} />;
    case 'alerts': return <AlertCenter me={me} />;
    case 'configuration': return <AlertCenter me={me} preset={{ kind: 'config' }} title="Configuration" />;
    case 'iam': return <AlertCenter me={me} preset={{ kind: 'iam' }} title="IAM" />;
    case 'coverage': return <AlertCenter me={me} preset={{ kind: 'coverage' }} title="Coverage" />;
    case 'vulnerabilities': return <Vulnerabilities />;
    case 'findings': return arg ? <FindingPage id={Number(arg)} me={me} /> : <AlertCenter me={me} />;
    case 'assets': return arg ? <AssetPage uid={seg.slice(1).join('/')} /> : <Inventory />;
    case 'paths': return arg ? <PathPage id={Number(arg)} /> : <PathsList />;
    case 'owners': return arg ? <OwnerPage id={arg} /> : <Owners />;
    case 'sql': return <SqlConsole me={me} />;
    case 'rules': return <Rules />;
    case 'runs': return <Runs />;
    default: return <div className="card"><h1>Not found</h1><p>No page at {path}.</p></div>;
  }
}

async function logout(): Promise<void> {
  await api.post('/api/v1/auth/logout', {});
  window.location.assign('/login');
}

export function App() {
  const { path } = useLocation();
  const me = useQuery({ queryKey: ['me'], queryFn: async () => {
    const m = await api.get<Me>('/api/v1/me');
    setCsrf(m.csrf_token);
    return m;
  } });
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failure error={me.error} what="your session" />;
  const user = me.data;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="main">
        <div className="brand">Mothership</div>
        <div className="who" data-testid="who">
          {user.name} · {user.role}{user.tenant ? <> · team <strong>{user.tenant}</strong></> : null}
        </div>
        <ul>
          {NAV.map((n) => <li key={n.to}><Link to={n.to} className={n.match(path) ? 'active' : undefined}>{n.label}</Link></li>)}
        </ul>
        <button type="button" className="link-button" onClick={() => void logout()}>Log out</button>
      </nav>
      <main className="content">
        <Suspense fallback={<Loading />}><div key={path}>{route(path, user)}</div></Suspense>
      </main>
    </div>
  );
}
