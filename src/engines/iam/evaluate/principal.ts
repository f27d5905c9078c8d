/** Who makes a request, as far as policies can tell. */
export interface RequestPrincipal {
  /** The principal's ARN (user, role), `service:<name>`, `federated:<provider>` or an account root. */
  arn: string;
  /** The account it belongs to; empty for services and federated identities. */
  account: string;
  type: 'user' | 'role' | 'root' | 'service' | 'federated' | 'anonymous';
}

/**
 * How a resource or trust policy's Principal element names a requester: `direct` (its ARN, a service, `*`),
 * or `account` (its account: the account's own identity policies must then allow it too).
 */
export type PrincipalMatch = 'direct' | 'account' | null;

const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;

function matchAws(value: string, p: RequestPrincipal): PrincipalMatch {
  if (value === '*') return 'direct';
  if (/^\d{12}$/.test(value)) return value === p.account ? 'account' : null;
  const root = ACCOUNT_ROOT.exec(value);
  if (root) return p.type === 'root' && p.arn === value ? 'direct' : root[1] === p.account ? 'account' : null;
  return value === p.arn ? 'direct' : null;
}

/** A compiled Principal / NotPrincipal element. */
export type PrincipalMatcher = (p: RequestPrincipal) => PrincipalMatch;

function listOf(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

export function compilePrincipal(element: unknown): PrincipalMatcher {
  if (element === '*') return () => 'direct';
  if (typeof element !== 'object' || element === null) return () => null;
  const entries = Object.entries(element as Record<string, unknown>).flatMap(([type, v]) => listOf(v).map((value) => [type, value] as const));
  return (p) => {
    let best: PrincipalMatch = null;
    for (const [type, value] of entries) {
      let m: PrincipalMatch = null;
      if (type === 'AWS') m = matchAws(value, p);
      else if (type === 'Service') m = value === '*' || (p.type === 'service' && p.arn === `service:${value}`) ? 'direct' : null;
      else if (type === 'Federated') m = p.type === 'federated' && (p.arn === value || p.arn === `federated:${value}`) ? 'direct' : null;
      if (m === 'direct') return m;
      best ??= m;
    }
    return best;
  };
}
