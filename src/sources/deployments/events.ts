import { z } from 'zod';
import type { NormalizedRecord } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { digestReference } from '../trivy/image.js';

/** Source id of deployment events (file import and `POST /api/v1/deployments`). */
export const DEPLOYMENTS_SOURCE = 'deployments';

/** Most events one file or request may hold; a deploy pipeline sends a handful. */
export const MAX_EVENTS = 10_000;

// Service and environment become a uid and a scope: `deployment:<service>/<environment>`. The environment
// has no `/` so the pair reads back unambiguously.
const Service = z.string().min(1).max(253).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'letters, digits, . _ / -, starting with a letter or digit');
const Environment = z.string().min(1).max(63).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ -, starting with a letter or digit');
const DigestImage = z.string().max(1024).regex(/^[^\s@]+@sha256:[a-f0-9]{64}$/, 'a digest reference, e.g. ghcr.io/acme/api@sha256:<64 hex digits>');

export const DeploymentEvent = z.strictObject({
  service: Service,
  image: DigestImage,
  environment: Environment,
  cluster: z.string().min(1).max(253).optional(),
  account: z.string().min(1).max(253).optional(),
  deployed_at: z.iso.datetime({ offset: true }).optional(),
});
export type DeploymentEvent = z.output<typeof DeploymentEvent>;

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/**
 * Events as sent: an array of events, one event, or `{"deployments": [...]}`. Errors name the item index
 * and field, e.g. `deployments[2].image: a digest reference ...`.
 */
export function parseDeploymentEvents(doc: unknown, where: string): DeploymentEvent[] {
  const list = Array.isArray(doc) ? doc
    : doc && typeof doc === 'object' && Array.isArray((doc as { deployments?: unknown }).deployments) ? (doc as { deployments: unknown[] }).deployments
      : [doc];
  if (list.length === 0) throw badInput(where, 'no deployment event');
  if (list.length > MAX_EVENTS) throw badInput(where, `more than ${MAX_EVENTS} deployment events`);
  return list.map((item, i) => {
    const r = DeploymentEvent.safeParse(item);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    throw badInput(where, `deployments[${i}]${issuePath(issue.path) || ''}: ${issue.message}`);
  });
}

export const deploymentUid = (e: Pick<DeploymentEvent, 'service' | 'environment'>) => `deployment:${e.service}/${e.environment}`;
export const deploymentScope = (e: Pick<DeploymentEvent, 'service' | 'environment'>) => `deployments:${e.service}/${e.environment}`;

/**
 * One scope per service × environment, complete: the latest event of each pair (by deployed_at, else the
 * last sent) is what runs there, so an earlier image link of that pair is swept.
 */
export function deploymentRecords(events: readonly DeploymentEvent[]): NormalizedRecord[] {
  const latest = new Map<string, DeploymentEvent>();
  for (const e of events) {
    const key = deploymentUid(e);
    const prev = latest.get(key);
    if (!prev || !prev.deployed_at || !e.deployed_at || e.deployed_at >= prev.deployed_at) latest.set(key, e);
  }
  const out: NormalizedRecord[] = [];
  for (const e of latest.values()) {
    const scope = deploymentScope(e);
    const uid = deploymentUid(e);
    // Keyed as Trivy, ECR and the k8s reader key images, so the scan of this image meets the deployment.
    const image = digestReference(e.image)!;
    out.push({ type: 'coverage', scope, coverage: 'complete' });
    out.push({ type: 'asset', scope, asset: {
      uid, kind: 'deployment', name: `${e.service} (${e.environment})`, provider: 'deployments',
      account: e.account ?? null, environment: e.environment,
      properties: { service: e.service, environment: e.environment, image, cluster: e.cluster ?? null, deployedAt: e.deployed_at ?? null },
    } });
    out.push({ type: 'asset', scope, asset: { uid: image, kind: 'container.image', name: image, reference: true } });
    out.push({ type: 'relationship', scope, relationship: { from: uid, kind: 'runs_image', to: image } });
  }
  return out;
}
