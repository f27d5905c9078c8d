import { ruleFingerprint } from '../../findings/fingerprint.js';
import { secretDigest } from '../../sources/shared/secret-digest.js';
import { LAMBDA_SECRET_RULE } from '../../sources/aws/lambda.js';
import { mayBeAllowed } from '../iam/evaluate/index.js';
import type { IamModel } from '../iam/model/iam-model.js';
import type { IamPrincipal } from '../iam/model/principals.js';
import type { EdgeEvidence, GraphBuilder } from './graph.js';
import { Target } from './kinds.js';
import { nodeKindOf } from './network.js';
import { arr, assetRows, edgeRows, exploitableVulns, obj, ruleFindings, str, type Db, type FindingRow, type LabelRow } from './rows.js';

/** An IAM user's access keys as collected; `collected` is false when the key listing was not read. */
export interface UserKeys { uid: string; name: string | null; collected: boolean; keys: { id: string; active: boolean }[] }

export async function userKeys(db: Db): Promise<UserKeys[]> {
  return (await assetRows(db, ['aws.iam.user'])).map((u) => ({
    uid: u.uid, name: u.name, collected: Array.isArray(u.p.AccessKeys),
    keys: arr(u.p.AccessKeys).map(obj).flatMap((k) => (str(k.AccessKeyId) ? [{ id: str(k.AccessKeyId)!, active: k.Status !== 'Inactive' }] : [])),
  }));
}

/** Compute to its identity: instance profile roles, Lambda execution roles, pod service accounts. */
export async function addWorkloads(db: Db, b: GraphBuilder, minEpss: number): Promise<void> {
  const roles = await edgeRows(db, ['has_role', 'runs_image', 'uses_service_account']);
  const instances = new Map((await assetRows(db, ['aws.ec2.instance'])).map((a) => [a.uid, a]));
  const identities = new Map<string, string[]>();
  const images = new Map<string, string[]>();
  for (const e of roles) {
    if (e.kind === 'runs_image') images.set(e.from_uid, [...(images.get(e.from_uid) ?? []), e.to_uid]);
    else if (nodeKindOf(compKind(e.from_uid)) === 'compute') identities.set(e.from_uid, [...(identities.get(e.from_uid) ?? []), e.to_uid]);
  }
  for (const e of roles) {
    if (e.kind !== 'has_role') continue;
    const inst = instances.get(e.from_uid);
    if (!inst) continue;
    const md = obj(inst.p.MetadataOptions);
    // Not collected: unknown, so no edge (a path needs a known IMDSv1).
    if (!str(md.HttpTokens) || md.HttpTokens === 'required' || md.HttpEndpoint === 'disabled') continue;
    const profile = str(e.properties.instanceProfile);
    b.edge(b.node(inst.uid, 'compute', inst.name), b.node(e.to_uid, 'identity'), 'imds', {
      text: `IMDSv1 is enabled (HttpTokens ${String(md.HttpTokens)}): a request forged by the application (SSRF) to 169.254.169.254 returns the credentials of role ${e.to_uid.split('/').pop()}${profile ? ` (instance profile ${profile.split('/').pop()})` : ''}`,
      details: { HttpTokens: md.HttpTokens, instanceProfile: profile ?? null },
    });
  }
  // The best exploitable vulnerability per asset (KEV first, then EPSS): its evidence names that finding.
  const best = new Map<string, FindingRow>();
  const rank = (f: FindingRow) => (f.in_kev ? 2 : 0) + (f.epss ?? 0);
  for (const f of await exploitableVulns(db, minEpss)) {
    const cur = best.get(f.asset_uid);
    if (!cur || rank(f) > rank(cur)) best.set(f.asset_uid, f);
  }
  for (const [workload, ids] of identities) {
    const candidates = [best.get(workload), ...(images.get(workload) ?? []).map((i) => best.get(i))].filter((f): f is FindingRow => f !== undefined);
    if (candidates.length === 0) continue;
    const f = candidates.reduce((x, y) => (rank(y) > rank(x) ? y : x));
    const why = f.in_kev ? 'in CISA KEV' : `EPSS ${(f.epss ?? 0).toFixed(2)}`;
    const onImage = f.asset_uid !== workload ? ` in image ${f.asset_uid}` : '';
    const evidence: EdgeEvidence = {
      text: `${f.advisory_id ?? f.title}${onImage} (${why}, exploitable over the network) gives code execution with the workload's identity`,
      finding_id: f.id, fingerprint: f.fingerprint, details: { advisory: f.advisory_id, kev: f.in_kev === true, epss: f.epss, image: onImage ? f.asset_uid : null },
    };
    const from = b.node(workload, 'compute');
    for (const id of ids) b.edge(from, b.node(id, 'identity'), 'exploit', evidence);
  }
}

function compKind(uid: string): string {
  if (uid.startsWith('k8s:') && uid.includes('/pod/')) return 'k8s.pod';
  if (/^arn:[^:]+:ec2:.*:instance\//.test(uid)) return 'aws.ec2.instance';
  if (/^arn:[^:]+:lambda:/.test(uid)) return 'aws.lambda.function';
  if (/^arn:[^:]+:ecs:.*:task\//.test(uid)) return 'aws.ecs.task';
  return 'other';
}

/** The read action that takes data out of a store, by asset kind, and the resource it is asked on. */
export const DATA_READS: Readonly<Record<string, { action: string; resource: (uid: string) => string }>> = {
  'aws.s3.bucket': { action: 's3:GetObject', resource: (uid) => `${uid}/*` },
  'aws.dynamodb.table': { action: 'dynamodb:Scan', resource: (uid) => uid },
  'aws.secretsmanager.secret': { action: 'secretsmanager:GetSecretValue', resource: (uid) => uid },
  'aws.ssm.parameter': { action: 'ssm:GetParameter', resource: (uid) => uid },
  'aws.kms.key': { action: 'kms:Decrypt', resource: (uid) => uid },
};

const verdictText = (v: string) => (v === 'conditional' ? ' (allowed under some request conditions)' : '');

/**
 * IAM moves from the IAM analyzer: escalation methods, sts:AssumeRole, reads of sensitive data stores,
 * reads of Lambda configuration holding a credential (the lateral hop), and outside principals that a
 * role's trust policy lets in (its iam.external-trust findings).
 */
export async function addIam(db: Db, b: GraphBuilder, model: IamModel, labels: readonly LabelRow[], users: readonly UserKeys[]): Promise<void> {
  const principals = model.principals();
  const node = (p: IamPrincipal) => b.node(p.arn, 'identity', p.name);
  for (const p of principals) node(p);
  // Sensitive data stores: the targets of read_data.
  // A store anyone may read is its own path (public-sensitive-data); every principal reaching it adds nothing.
  const publicRead = new Set(labels.filter((l) => l.label === 'isPublic' && Array.isArray(l.evidence.paths) && l.evidence.paths.some((p) => obj(p).via === 'bucket-policy')).map((l) => l.asset_uid));
  const stores = labels.filter((l) => l.label === 'SensitiveData' && DATA_READS[l.kind] && !publicRead.has(l.asset_uid));
  for (const s of stores) b.node(s.asset_uid, nodeKindOf(s.kind), s.name);
  const secrets = await lambdaSecrets(db, b, users);
  for (const p of principals) {
    const from = node(p);
    const escalated = new Set<string>();
    for (const e of model.escalations(p.arn)) {
      if (e.target === p.arn || e.method.startsWith('AssumeRoleChain')) continue;
      escalated.add(e.target);
      const first = e.steps[0];
      b.edge(from, b.node(e.target, 'identity'), 'escalate', {
        text: `${e.method.split(':arn:')[0]}: ${e.steps.map((s) => `${s.action} on ${s.resource}`).join(', then ')}${e.verdict === 'conditional' ? ' (under some request conditions)' : ''}`,
        rule_id: 'iam.privilege-escalation', ...(first ? { permission: first.action } : {}),
        details: { method: e.method, verdict: e.verdict, steps: e.steps, targetAdmin: e.targetAdmin },
      });
    }
    for (const role of model.assumeCandidates(p)) {
      if (escalated.has(role)) continue;
      const d = model.mayAssume(p, role);
      if (!d || !mayBeAllowed(d)) continue;
      b.edge(from, b.node(role, 'identity'), 'assume', { text: `may call sts:AssumeRole on ${role.split('/').pop()}: its identity policy and the role's trust policy allow it${verdictText(d.verdict)}`, permission: 'sts:AssumeRole', details: { verdict: d.verdict } });
    }
    for (const s of stores) {
      const read = DATA_READS[s.kind]!;
      const resource = read.resource(s.asset_uid);
      if (model.surelyDenied(p, read.action, resource)) continue;
      const d = model.decide(p, read.action, resource);
      if (!mayBeAllowed(d)) continue;
      b.edge(from, b.idOf(s.asset_uid)!, 'read_data', { text: `allowed ${read.action} on ${resource}${verdictText(d.verdict)}`, permission: read.action, details: { verdict: d.verdict } });
    }
    for (const fn of secrets) {
      const action = ['lambda:GetFunctionConfiguration', 'lambda:GetFunction'].find((a) => !model.surelyDenied(p, a, fn) && mayBeAllowed(model.decide(p, a, fn)));
      if (!action) continue;
      b.edge(from, b.idOf(fn)!, 'read_config', { text: `allowed ${action} on the function: it returns the environment variables in clear text`, permission: action });
    }
  }
  for (const f of await ruleFindings(db, ['iam.external-trust'])) {
    const principal = str(f.evidence.principal);
    if (!principal) continue;
    const value = principal.replace(/^AWS:/, '');
    const outside = value === '*' ? b.node('internet', 'internet', 'the internet') : b.node(value, 'external', value.replace(/^Federated:/, ''));
    b.edge(outside, b.node(f.asset_uid, 'identity'), 'trusts', { text: f.title, rule_id: 'iam.external-trust', finding_id: f.id, fingerprint: f.fingerprint });
  }
}

/**
 * Lambda functions whose environment holds a credential (aws.lambda.environment-secret findings). An AWS
 * access key id is matched to its user by recomputing the finding's fingerprint from each user's key ids
 * (the value itself is never stored); a match is a lateral edge to that user, anything else a secret target.
 */
async function lambdaSecrets(db: Db, b: GraphBuilder, users: readonly UserKeys[]): Promise<string[]> {
  const findings = await ruleFindings(db, [LAMBDA_SECRET_RULE]);
  if (findings.length === 0) return [];
  const keys = users.flatMap((u) => u.keys.filter((k) => k.active).map((k) => ({ user: u.uid, key: k.id })));
  const functions = new Set<string>();
  const ownerOf = (f: FindingRow) => (f.evidence.detector === 'aws-access-key-id'
    ? keys.find((k) => ruleFingerprint('secret', LAMBDA_SECRET_RULE, f.asset_uid, `env:${str(f.evidence.variable) ?? '?'}#secret:${secretDigest(k.key)}`) === f.fingerprint)
    : undefined);
  // A secret access key beside a key id we matched is that user's: the pair is one credential.
  const keyOwners = new Map<string, { user: string }>();
  for (const f of findings) {
    const o = ownerOf(f);
    if (o) keyOwners.set(f.asset_uid, o);
  }
  for (const f of findings) {
    const variable = str(f.evidence.variable) ?? '?';
    const fn = b.node(f.asset_uid, 'compute', f.asset_uid.split(':').pop() ?? null);
    functions.add(f.asset_uid);
    const base: EdgeEvidence = { text: f.title, rule_id: LAMBDA_SECRET_RULE, finding_id: f.id, fingerprint: f.fingerprint };
    const owner = ownerOf(f) ?? (f.evidence.detector === 'aws-secret-access-key' ? keyOwners.get(f.asset_uid) : undefined);
    if (owner) {
      b.edge(fn, b.node(owner.user, 'identity'), 'exposes_credentials', { ...base, text: `${f.title}: the access key of ${owner.user.split('/').pop()}` });
    } else {
      const secret = b.node(`secret:${f.fingerprint}`, 'secret', `${variable} in ${f.asset_uid.split(':').pop()}`, Target.secret);
      b.mark(`secret:${f.fingerprint}`, 0, base);
      b.edge(fn, secret, 'exposes_credentials', base);
    }
  }
  return [...functions];
}
