import { hash as digest } from 'node:crypto';
import { AssetDraft, FindingDraft, PackageDraft, RelationshipDraft } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { jsonText, storableText } from '../../store/copy-text.js';
import { quickFinding, quickPackage } from './quick-validate.js';
import { SeenKeys } from './seen-keys.js';
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
  prior_id bigint) on commit drop;
create temp table stage_finding_content (seq int, fingerprint text, content_hash text, kind text, rule_id text,
  advisory_id text, title text, description text, severity text, asset_uid text, package_purl text, owner text,
  evidence text, remediation text, properties text) with (toast_tuple_target = 8160) on commit drop;
create temp table stage_scopes (scope text primary key, coverage text, error text) on commit drop;
`;
const ASSET_COLS = ['seq', 'scope', 'uid', 'kind', 'provider', 'account', 'region', 'name', 'properties', 'tags', 'owner', 'owner_reason', 'environment', 'criticality', 'reference', 'content_hash'];
const REL_COLS = ['seq', 'scope', 'from_uid', 'kind', 'to_uid', 'properties'];
const PKG_COLS = ['seq', 'scope', 'asset_uid', 'purl', 'path', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'layer_digest', 'licenses'];
const FINDING_COLS = ['seq', 'scope', 'fingerprint', 'original_id', 'content_hash', 'prior_id'];
const CONTENT_COLS = ['seq', 'fingerprint', 'content_hash', 'kind', 'rule_id', 'advisory_id', 'title', 'description', 'severity',
    'asset_uid', 'package_purl', 'owner', 'evidence', 'remediation', 'properties'];
/**
 * Content hash of a row's defining fields. JSON objects are serialized once: the same text is hashed and
 * then COPYed, so the (dominant) serialization cost is paid once per record. Stored hashes depend on these
 * exact bytes: an unchanged record must keep its hash across versions, or a re-import would rewrite it.
 */
export function contentHash(parts) {
    // One digest of the joined text: the bytes of one update per part and per separator, in one call.
    let text = '';
    for (const part of parts)
        text += `${part === null ? '\u0001' : String(part)}\u0000`;
    return digest('sha1', text, 'base64url');
}
const SEVERITY_RANK = { complete: 0, partial: 1, failed: 2 };
/** Buffers validated records and flushes them to the stage tables in COPY batches. */
export class Stager {
    tx;
    where;
    batchSize;
    seq = 0;
    assets = [];
    rels = [];
    pkgs = [];
    findings = [];
    coverage = new Map();
    /** Scopes that items were placed in; each needs a coverage statement. */
    itemScopes = new Set();
    counts = { assets: 0, relationships: 0, packages: 0, findings: 0, findingContent: 0, findingsStored: 0 };
    keys = { assets: new SeenKeys(), relationships: new SeenKeys(), packages: new SeenKeys(), findings: new SeenKeys() };
    /** Unknown until the first batch of findings: whether the store holds any finding at all. */
    storeHasFindings;
    labelStager;
    /** Label records (merge-labels.ts), staged by their own stager. */
    get labels() {
        return (this.labelStager ??= new LabelStager(this.tx, this.where, this.batchSize));
    }
    constructor(tx, where, batchSize = 5000) {
        this.tx = tx;
        this.where = where;
        this.batchSize = batchSize;
    }
    validate(schema, value, what) {
        const r = schema.safeParse(value);
        if (!r.success) {
            const issue = r.error.issues[0];
            const path = issue?.path.join('.') ?? '';
            throw badInput(this.where, `record ${this.seq} (${what}${path ? ` field ${path}` : ''}): ${issue?.message ?? 'invalid'}`);
        }
        return r.data;
    }
    async add(input) {
        this.seq++;
        const seq = this.seq;
        if (!input.scope)
            throw badInput(this.where, `record ${seq} (${input.type}): scope is empty`);
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
                this.counts.assets++;
                if (this.assets.length >= this.batchSize)
                    await this.flushAssets();
                return;
            }
            case 'relationship': {
                const r = this.validate(RelationshipDraft, record.relationship, 'relationship');
                this.itemScopes.add(record.scope);
                this.rels.push([seq, record.scope, r.from, r.kind, r.to, jsonText(r.properties)]);
                this.keys.relationships.add(storableText(`${r.from}\u0001${r.kind}\u0001${r.to}`));
                this.counts.relationships++;
                if (this.rels.length >= this.batchSize)
                    await this.flushRels();
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
                if (this.pkgs.length >= this.batchSize)
                    await this.flushPkgs();
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
                    fingerprint: f.fingerprint, hash,
                    key: [seq, record.scope, f.fingerprint, f.originalId, hash],
                    content: [seq, f.fingerprint, hash, f.kind, f.ruleId, f.advisoryId, f.title, f.description, f.severity, f.assetUid, f.packagePurl, f.owner, evidence, f.remediation, properties],
                });
                this.keys.findings.add(f.fingerprint);
                this.counts.findings++;
                if (this.findings.length >= this.batchSize)
                    await this.flushFindings();
                return;
            }
        }
    }
    async flushAssets() {
        if (this.assets.length)
            await this.tx.copyRows('stage_assets', ASSET_COLS, this.assets);
        this.assets = [];
    }
    async flushRels() {
        if (this.rels.length)
            await this.tx.copyRows('stage_relationships', REL_COLS, this.rels);
        this.rels = [];
    }
    async flushPkgs() {
        if (this.pkgs.length)
            await this.tx.copyRows('stage_packages', PKG_COLS, this.pkgs);
        this.pkgs = [];
    }
    /** Stored findings of the batch's fingerprints: their id and content hash. */
    async storedFindings(batch) {
        const stored = new Map();
        this.storeHasFindings ??= (await this.tx.query('select 1 from findings limit 1')).length > 0;
        if (!this.storeHasFindings)
            return stored;
        const rows = await this.tx.query('select fingerprint, id, content_hash from findings where fingerprint = any($1::text[])', [batch.map((f) => f.fingerprint)]);
        for (const r of rows)
            stored.set(r.fingerprint, { id: r.id, hash: r.content_hash });
        return stored;
    }
    async flushFindings() {
        const batch = this.findings;
        this.findings = [];
        if (batch.length === 0)
            return;
        const stored = await this.storedFindings(batch);
        const keys = [];
        const content = [];
        for (const f of batch) {
            const s = stored.get(f.fingerprint);
            // The same fingerprint may come twice with different content: the decision is per record.
            const id = s && s.hash === f.hash ? s.id : null;
            keys.push([...f.key, id]);
            if (id === null)
                content.push(f.content);
        }
        await this.tx.copyRows('stage_findings', FINDING_COLS, keys);
        if (content.length)
            await this.tx.copyRows('stage_finding_content', CONTENT_COLS, content);
        this.counts.findingContent += content.length;
        this.counts.findingsStored += keys.length - content.length;
    }
    /** Which stage tables may hold a key twice. */
    get duplicates() {
        const k = this.keys;
        return { assets: k.assets.duplicates, relationships: k.relationships.duplicates, packages: k.packages.duplicates, findings: k.findings.duplicates };
    }
    /** Flushes what is buffered, checks every item scope has a coverage statement, and stages the scopes. */
    async finish() {
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
//# sourceMappingURL=stage.js.map