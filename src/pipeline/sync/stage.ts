import { hash as digest } from 'node:crypto';
import { AssetDraft, FindingDraft, PackageDraft, RelationshipDraft, type NormalizedRecord, type Coverage } from '../../model/index.js';
import { MothershipError, badInput } from '../../model/errors.js';
import type { Queryable } from '../../store/db.js';
import { jsonText, storableText } from '../../store/copy-text.js';
import type { ZodType } from 'zod';
import { quickFinding, quickPackage } from './quick-validate.js';
import { SeenKeys, hash52 } from './seen-keys.js';
import { LabelStager } from './label-stage.js';

/**
 * Staging: a run's records are validated at the edge, then COPYed into temporary tables inside the run's
 * transaction. The merge is set-based SQL over those tables, so a million records cost a handful of
 * statements, and a crash before commit leaves nothing behind.
 *
 * Every finding is staged as a narrow row in stage_findings; its content goes to stage_finding_content only
 * when the store does not hold it already. A finding whose fingerprint is stored with the same content hash
 * carries the stored finding's id (`prior_id`) instead: that is nearly every row of a re-import, and the
 * bulk of its bytes. JSON columns are staged as text and parsed as jsonb only for the rows written.
 *
 * A finding whose fingerprint the store does not hold at all (every finding of a first import) skips the
 * content stage: it is COPYed straight into `findings` with an id drawn from its sequence, and only its
 * narrow row (`new_id`) is staged, for the merge to add its event and source link. Writing the 2 to 4 KB of
 * content once instead of twice was ~30% of a first import's SQL. Its owner is the asset's as known while
 * staging; the merge corrects the rare row whose asset this very run gave another owner.
 *
 * A finding's content is 2 to 4 KB, just over the size from which PostgreSQL compresses a row's values:
 * the content stage keeps rows up to a page inline and uncompressed (as findings does, migration 003),
 * which made copying 63,000 of them into it ~40% faster, and the insert from it reads them without
 * decompressing.
 */
export const STAGE_DDL = `
create temp table stage_assets (seq int, scope text, uid text, kind text, provider text, account text, region text,
  name text, properties jsonb, tags jsonb, owner text, owner_reason text, environment text, criticality text,
  reference boolean, content_hash text) on commit drop;
create temp table stage_relationships (seq int, scope text, from_uid text, kind text, to_uid text, properties jsonb) on commit drop;
create temp table stage_packages (seq int, scope text, asset_uid text, purl text, path text, ecosystem text, name text,
  version text, source_name text, source_version text, layer_digest text, licenses text[]) on commit drop;
create temp table stage_findings (seq int, scope text, fingerprint text, original_id text, content_hash text,
  prior_id bigint, new_id bigint, owner_asset text, owner text) on commit drop;
create temp table stage_finding_content (seq int, fingerprint text, content_hash text, kind text, rule_id text,
  advisory_id text, title text, description text, severity text, asset_uid text, package_purl text, owner text,
  evidence text, remediation text, properties text) with (toast_tuple_target = 8160) on commit drop;
create temp table stage_scopes (scope text primary key, coverage text, error text) on commit drop;
`;

const ASSET_COLS = ['seq', 'scope', 'uid', 'kind', 'provider', 'account', 'region', 'name', 'properties', 'tags', 'owner', 'owner_reason', 'environment', 'criticality', 'reference', 'content_hash'];
const REL_COLS = ['seq', 'scope', 'from_uid', 'kind', 'to_uid', 'properties'];
const PKG_COLS = ['seq', 'scope', 'asset_uid', 'purl', 'path', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'layer_digest', 'licenses'];
const FINDING_COLS = ['seq', 'scope', 'fingerprint', 'original_id', 'content_hash', 'prior_id', 'new_id', 'owner_asset', 'owner'];
/** What a new finding is COPYed into `findings` with (the columns the merge's insert sets; the rest default). */
const DIRECT_COLS = ['id', 'fingerprint', 'kind', 'rule_id', 'advisory_id', 'title', 'description', 'severity', 'asset_uid',
  'package_purl', 'owner', 'owner_reason', 'evidence', 'remediation', 'properties', 'source', 'content_hash', 'first_seen', 'last_seen'];
const CONTENT_COLS = ['seq', 'fingerprint', 'content_hash', 'kind', 'rule_id', 'advisory_id', 'title', 'description', 'severity',
  'asset_uid', 'package_purl', 'owner', 'evidence', 'remediation', 'properties'];

/**
 * Content hash of a row's defining fields. JSON objects are serialized once: the same text is hashed and
 * then COPYed, so the (dominant) serialization cost is paid once per record. Stored hashes depend on these
 * exact bytes: an unchanged record must keep its hash across versions, or a re-import would rewrite it.
 */
export function contentHash(parts: readonly (string | boolean | null)[]): string {
  // One digest of the joined text: the bytes of one update per part and per separator, in one call.
  let text = '';
  for (const part of parts) text += `${part === null ? '\u0001' : String(part)}\u0000`;
  return digest('sha1', text, 'base64url');
}

const SEVERITY_RANK: Record<Coverage, number> = { complete: 0, partial: 1, failed: 2 };

export interface StageCounts {
  assets: number;
  relationships: number;
  packages: number;
  findings: number;
  /** Findings staged with their content (new or changed), and without (`prior_id`: stored as they are). */
  findingContent: number;
  findingsStored: number;
  /** New findings COPYed straight into `findings` (`new_id`). */
  findingsDirect: number;
}

/** The run a Stager writes new findings for directly: the values the merge's insert would give them. */
export interface DirectInsert {
  source: string;
  now: Date;
}

/** Tests compare the direct path with staging every new finding's content; nothing else turns it off. */
let directInsertEnabled = true;
export async function withStagedContentOnly<T>(fn: () => Promise<T>): Promise<T> {
  directInsertEnabled = false;
  try {
    return await fn();
  } finally {
    directInsertEnabled = true;
  }
}

/** Which stage tables may hold a key twice (and need the dedupe statement). */
export interface StageDuplicates {
  assets: boolean;
  relationships: boolean;
  packages: boolean;
  findings: boolean;
}

/** A validated finding waiting for its batch: its stage_findings row (less prior_id) and its content row. */
interface PendingFinding {
  fingerprint: string;
  hash: string;
  key: unknown[];
  content: unknown[];
  /** The owner the source named, if any. */
  owner: string | null;
  assetUid: string | null;
}

/** Buffers validated records and flushes them to the stage tables in COPY batches. */
export class Stager {
  private seq = 0;
  private assets: unknown[][] = [];
  private rels: unknown[][] = [];
  private pkgs: unknown[][] = [];
  private findings: PendingFinding[] = [];
  readonly coverage = new Map<string, { coverage: Coverage; error: string | null }>();
  /** Scopes that items were placed in; each needs a coverage statement. */
  private readonly itemScopes = new Set<string>();
  readonly counts: StageCounts = { assets: 0, relationships: 0, packages: 0, findings: 0, findingContent: 0, findingsStored: 0, findingsDirect: 0 };
  private readonly keys = { assets: new SeenKeys(), relationships: new SeenKeys(), packages: new SeenKeys(), findings: new SeenKeys() };
  /** Unknown until the first batch of findings: whether the store holds any finding at all. */
  private storeHasFindings: boolean | undefined;
  /**
   * Fingerprints (as 52-bit hashes) COPYed into `findings` by this run. A later record of one of them is
   * staged with its content, and the merge drops the earlier row: the last record wins, as when staged.
   */
  private readonly directKeys = new Set<number>();
  /** Owners of assets by uid, as this run defines them or the store holds them: a new finding takes its asset's. */
  private readonly assetOwners = new Map<string, string | null>();
  private readonly direct: DirectInsert | undefined;
  private labelStager: LabelStager | undefined;
  /** Label records (merge-labels.ts), staged by their own stager. */
  get labels(): LabelStager {
    return (this.labelStager ??= new LabelStager(this.tx, this.where, this.batchSize));
  }

  constructor(
    private readonly tx: Queryable,
    private readonly where: string,
    private readonly batchSize = 5000,
    direct?: DirectInsert,
  ) {
    this.direct = directInsertEnabled ? direct : undefined;
  }

  private validate<T>(schema: ZodType<T>, value: unknown, what: string): T {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const path = issue?.path.join('.') ?? '';
      throw badInput(this.where, `record ${this.seq} (${what}${path ? ` field ${path}` : ''}): ${issue?.message ?? 'invalid'}`);
    }
    return r.data;
  }

  async add(input: NormalizedRecord): Promise<void> {
    this.seq++;
    const seq = this.seq;
    if (!input.scope) throw badInput(this.where, `record ${seq} (${input.type}): scope is empty`);
    // Scopes key maps here and rows in the store: the stored spelling (no NUL) from the start.
    const scope = storableText(input.scope);
    const record = scope === input.scope ? input : { ...input, scope };
    switch (record.type) {
      case 'coverage': {
        const prev = this.coverage.get(record.scope);
        // The worst statement wins: one partial service makes the scope partial.
        if (!prev || SEVERITY_RANK[record.coverage] > SEVERITY_RANK[prev.coverage]) {
          const error = record.error === undefined || record.error === null ? null : storableText(record.error);
          this.coverage.set(record.scope, { coverage: record.coverage, error: error ?? prev?.error ?? null });
        }
        return;
      }
      case 'asset': {
        const a = this.validate(AssetDraft, record.asset, 'asset');
        this.itemScopes.add(record.scope);
        const properties = jsonText(a.properties);
        const tags = jsonText(a.tags);
        const content = contentHash([a.kind, a.provider, a.account, a.region, a.name, properties, tags, a.owner, a.ownerReason, a.environment, a.criticality, record.scope]);
        this.assets.push([seq, record.scope, a.uid, a.kind, a.provider, a.account, a.region, a.name, properties, tags, a.owner, a.ownerReason, a.environment, a.criticality, a.reference, content]);
        this.keys.assets.add(storableText(a.uid));
        // mergeAssets keeps the stored owner when the definition names none (a reference changes nothing).
        if (!a.reference && a.owner) this.assetOwners.set(storableText(a.uid), a.owner);
        this.counts.assets++;
        if (this.assets.length >= this.batchSize) await this.flushAssets();
        return;
      }
      case 'relationship': {
        const r = this.validate(RelationshipDraft, record.relationship, 'relationship');
        this.itemScopes.add(record.scope);
        this.rels.push([seq, record.scope, r.from, r.kind, r.to, jsonText(r.properties)]);
        this.keys.relationships.add(storableText(`${r.from}\u0001${r.kind}\u0001${r.to}`));
        this.counts.relationships++;
        if (this.rels.length >= this.batchSize) await this.flushRels();
        return;
      }
      case 'label': {
        this.itemScopes.add(record.scope);
        await this.labels.add(record, seq);
        return;
      }
      case 'package': {
        const p = quickPackage(record.package) ?? this.validate(PackageDraft, record.package, 'package');
        this.itemScopes.add(record.scope);
        this.pkgs.push([seq, record.scope, p.assetUid, p.purl, p.path, p.ecosystem, p.name, p.version, p.sourceName, p.sourceVersion, p.layerDigest, p.licenses]);
        this.keys.packages.add(storableText(`${p.assetUid}\u0001${p.purl}\u0001${p.path}`));
        this.counts.packages++;
        if (this.pkgs.length >= this.batchSize) await this.flushPkgs();
        return;
      }
      case 'finding': {
        const f = quickFinding(record.finding) ?? this.validate(FindingDraft, record.finding, 'finding');
        // The fingerprint is looked up as a query parameter, which cannot carry a NUL.
        f.fingerprint = storableText(f.fingerprint);
        this.itemScopes.add(record.scope);
        const evidence = jsonText(f.evidence);
        const properties = jsonText(f.properties);
        const hash = contentHash([f.kind, f.ruleId, f.advisoryId, f.title, f.description, f.severity, f.assetUid, f.packagePurl, f.owner, evidence, f.remediation, properties]);
        this.findings.push({
          fingerprint: f.fingerprint, hash, owner: f.owner ?? null, assetUid: f.assetUid ?? null,
          key: [seq, record.scope, f.fingerprint, f.originalId, hash],
          content: [seq, f.fingerprint, hash, f.kind, f.ruleId, f.advisoryId, f.title, f.description, f.severity, f.assetUid, f.packagePurl, f.owner, evidence, f.remediation, properties],
        });
        this.keys.findings.add(f.fingerprint);
        this.counts.findings++;
        if (this.findings.length >= this.batchSize) await this.flushFindings();
        return;
      }
    }
  }

  private async flushAssets() {
    if (this.assets.length) await this.tx.copyRows('stage_assets', ASSET_COLS, this.assets);
    this.assets = [];
  }
  private async flushRels() {
    if (this.rels.length) await this.tx.copyRows('stage_relationships', REL_COLS, this.rels);
    this.rels = [];
  }
  private async flushPkgs() {
    if (this.pkgs.length) await this.tx.copyRows('stage_packages', PKG_COLS, this.pkgs);
    this.pkgs = [];
  }

  /** Stored findings of the batch's fingerprints: their id and content hash. */
  private async storedFindings(batch: readonly PendingFinding[]): Promise<Map<string, { id: number; hash: string }>> {
    const stored = new Map<string, { id: number; hash: string }>();
    this.storeHasFindings ??= (await this.tx.query('select 1 from findings limit 1')).length > 0;
    if (!this.storeHasFindings) return stored;
    const rows = await this.tx.query<{ fingerprint: string; id: number; content_hash: string }>(
      'select fingerprint, id, content_hash from findings where fingerprint = any($1::text[])', [batch.map((f) => f.fingerprint)]);
    for (const r of rows) stored.set(r.fingerprint, { id: r.id, hash: r.content_hash });
    return stored;
  }

  private async flushFindings() {
    const batch = this.findings;
    this.findings = [];
    if (batch.length === 0) return;
    const stored = await this.storedFindings(batch);
    const keys: unknown[][] = [];
    const content: unknown[][] = [];
    const fresh: PendingFinding[] = [];
    for (const f of batch) {
      const s = stored.get(f.fingerprint);
      if (!s && this.direct) {
        const h = hash52(f.fingerprint);
        if (!this.directKeys.has(h)) {
          this.directKeys.add(h);
          fresh.push(f);
          continue;
        }
      }
      // The same fingerprint may come twice with different content: the decision is per record. One this
      // run wrote directly (or whose hash collides with one) takes the content path, which is always right.
      const id = s && s.hash === f.hash && !this.directKeys.has(hash52(f.fingerprint)) ? s.id : null;
      keys.push([...f.key, id, null, null, null]);
      if (id === null) content.push(f.content);
    }
    if (fresh.length) await this.insertDirect(fresh, keys);
    await this.tx.copyRows('stage_findings', FINDING_COLS, keys);
    if (content.length) await this.tx.copyRows('stage_finding_content', CONTENT_COLS, content);
    this.counts.findingContent += content.length;
    this.counts.findingsStored += keys.length - content.length - fresh.length;
    this.counts.findingsDirect += fresh.length;
  }

  /** The owners of the batch's assets this run does not define with one, from the store. */
  private async ownersOf(batch: readonly PendingFinding[]): Promise<void> {
    const unknown = [...new Set(batch.flatMap((f) => (f.owner === null && f.assetUid !== null && !this.assetOwners.has(f.assetUid) ? [f.assetUid] : [])))];
    if (unknown.length === 0) return;
    const rows = await this.tx.query<{ uid: string; owner: string | null }>('select uid, owner from assets where uid = any($1::text[])', [unknown]);
    for (const uid of unknown) this.assetOwners.set(uid, null);
    for (const r of rows) this.assetOwners.set(r.uid, r.owner);
  }

  /** COPYs findings the store does not hold into `findings`, and adds their narrow stage rows to `keys`. */
  private async insertDirect(fresh: readonly PendingFinding[], keys: unknown[][]): Promise<void> {
    const { source, now } = this.direct!;
    await this.ownersOf(fresh);
    const ids = await this.tx.query<{ id: number }>(
      `select nextval(pg_get_serial_sequence('findings', 'id')) as id from generate_series(1, $1::int)`, [fresh.length]);
    const rows: unknown[][] = [];
    fresh.forEach((f, i) => {
      const id = ids[i]!.id;
      // content: seq, fingerprint, hash, kind, rule_id, advisory_id, title, description, severity, asset_uid,
      // package_purl, owner, evidence, remediation, properties (CONTENT_COLS).
      const c = f.content;
      const assetOwner = f.owner === null && f.assetUid !== null ? (this.assetOwners.get(f.assetUid) ?? null) : null;
      const owner = f.owner ?? assetOwner;
      const reason = f.owner !== null ? 'source' : assetOwner !== null ? 'asset' : null;
      rows.push([id, c[1], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], owner, reason, c[12], c[13], c[14], source, c[2], now, now]);
      keys.push([...f.key, null, id, f.owner === null ? f.assetUid : null, owner]);
    });
    try {
      await this.tx.copyRows('findings', DIRECT_COLS, rows);
    } catch (e) {
      // Another run stored one of these fingerprints after this one looked (only a concurrent run can).
      if (/findings_fingerprint_key|duplicate key/i.test(e instanceof Error ? e.message : String(e))) {
        throw new MothershipError('CONFLICT', `${this.where}: findings were stored by another run while this one was staged; run it again`, { cause: e });
      }
      throw e;
    }
  }

  /** Which stage tables may hold a key twice. */
  get duplicates(): StageDuplicates {
    const k = this.keys;
    return { assets: k.assets.duplicates, relationships: k.relationships.duplicates, packages: k.packages.duplicates, findings: k.findings.duplicates };
  }

  /** Flushes what is buffered, checks every item scope has a coverage statement, and stages the scopes. */
  async finish(): Promise<void> {
    await this.flushAssets();
    await this.flushRels();
    await this.flushPkgs();
    await this.flushFindings();
    await this.labelStager?.flush();
    const missing = [...this.itemScopes].filter((s) => !this.coverage.has(s));
    if (missing.length > 0) {
      throw badInput(this.where, `records in scope ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (+${missing.length - 3})` : ''} without a coverage statement (source bug)`);
    }
    await this.tx.copyRows('stage_scopes', ['scope', 'coverage', 'error'], [...this.coverage].map(([scope, c]) => [scope, c.coverage, c.error]));
    await this.tx.exec('analyze stage_scopes');
  }
}
