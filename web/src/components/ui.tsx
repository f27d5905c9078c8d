import type { ReactNode } from 'react';
import { ApiError, isMissing } from '../api/client';
import type { Severity } from '../api/types';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export { SEVERITIES };

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`sev sev-${SEVERITIES.includes(severity as Severity) ? severity : 'info'}`}>{severity}</span>;
}

export function RiskScore({ score }: { score: number | null | undefined }) {
  if (score === null || score === undefined) return <span className="muted">–</span>;
  const band = score >= 80 ? 'critical' : score >= 60 ? 'high' : score >= 40 ? 'medium' : 'low';
  return <span className={`risk risk-${band}`}>{Math.round(score)}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function Loading() {
  return <div className="loading" aria-busy="true">Loading…</div>;
}

/** Errors as text; a 404 from an endpoint not built yet is an empty state, not an error. */
export function Failure({ error, what }: { error: unknown; what: string }) {
  if (isMissing(error)) return <Empty>Nothing to show: {what} does not exist here, or is not yours to see.</Empty>;
  const msg = error instanceof ApiError ? `${error.status}: ${error.message}` : error instanceof Error ? error.message : String(error);
  return <div className="error" role="alert">Could not load {what}: {msg}</div>;
}

export function Card({ title, children, className }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`}>
      {title ? <h2>{title}</h2> : null}
      {children}
    </section>
  );
}

export function Stat({ label, value, tone }: { label: string; value: ReactNode; tone?: string }) {
  return (
    <div className={`stat ${tone ?? ''}`}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/** JSON shown as text (never as HTML): evidence and properties come from reports. */
export function JsonBlock({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function fmtDate(s: string | null | undefined): string {
  if (!s) return '–';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().slice(0, 16).replace('T', ' ');
}

export function shortUid(uid: string): string {
  if (uid.length <= 64) return uid;
  return `${uid.slice(0, 40)}…${uid.slice(-18)}`;
}
