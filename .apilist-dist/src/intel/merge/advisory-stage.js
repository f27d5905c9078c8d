import { CopyBatcher } from './batcher.js';
const STAGE_DDL = `create temp table stage_advisories (seq int, id text, aliases text[], summary text, details text,
  severity text, cvss_vector text, cvss_score numeric(3,1), published timestamptz, modified timestamptz,
  withdrawn timestamptz, doc jsonb) on commit drop`;
const COLUMNS = ['seq', 'id', 'aliases', 'summary', 'details', 'severity', 'cvss_vector', 'cvss_score', 'published', 'modified', 'withdrawn', 'doc'];
const BATCH = 2000;
/**
 * Stages advisory rows for the merge. Before a batch is COPYed, one query asks which of its records the
 * store already holds in the same or a newer version (by `modified`); those are counted and dropped, so a
 * daily re-import of a whole export copies only the few thousand records that changed.
 */
export class AdvisoryStager {
    tx;
    pending = [];
    batch;
    /** Records read. */
    count = 0;
    /** Records dropped before staging: stored with the same `modified`, or stored newer. */
    skipped = { unchanged: 0, older: 0 };
    constructor(tx) {
        this.tx = tx;
        this.batch = new CopyBatcher(tx, 'stage_advisories', COLUMNS, BATCH);
    }
    static async create(tx) {
        await tx.exec(STAGE_DDL);
        return new AdvisoryStager(tx);
    }
    async add(r) {
        this.pending.push(r);
        this.count++;
        if (this.pending.length >= BATCH)
            await this.flush();
    }
    async flush() {
        const rows = this.pending;
        this.pending = [];
        if (rows.length === 0)
            return;
        // A record without `modified` is never dropped here: it is compared by content in the merge.
        const stale = await this.tx.query(`select u.n::int as n, coalesce(a.modified = u.modified, false) as same
      from unnest($1::text[], $2::timestamptz[]) with ordinality as u(id, modified, n)
      join advisories a on a.id = u.id
      where a.modified >= u.modified or (a.modified is not null and u.modified is null)`, [rows.map((r) => r.id), rows.map((r) => r.modified)]);
        const drop = new Set();
        for (const s of stale) {
            drop.add(s.n - 1);
            if (s.same)
                this.skipped.unchanged++;
            else
                this.skipped.older++;
        }
        for (let i = 0; i < rows.length; i++) {
            if (drop.has(i))
                continue;
            const r = rows[i];
            // affected and refs are arrays: wrapped in one object so the COPY encoder writes them as jsonb.
            await this.batch.add([this.batch.count, r.id, r.aliases, r.summary, r.details, r.severity, r.cvssVector, r.cvssScore,
                r.published, r.modified, r.withdrawn, { affected: r.affected, refs: r.refs }]);
        }
    }
    async finish() {
        await this.flush();
        await this.batch.flush();
    }
}
//# sourceMappingURL=advisory-stage.js.map