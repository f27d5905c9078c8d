import { LabelDraft } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { jsonText } from '../../store/copy-text.js';
import { SeenKeys } from './seen-keys.js';
/**
 * Stages a run's label records (stage.ts hands them over). The stage table is created on the first label:
 * most runs (reports, dumps) carry none and pay nothing for it.
 */
export const LABEL_STAGE_TABLE = 'stage_labels';
const COLS = ['seq', 'scope', 'asset_uid', 'label', 'evidence'];
export class LabelStager {
    tx;
    where;
    batchSize;
    rows = [];
    created = false;
    keys = new SeenKeys();
    /** Label records staged in this run. */
    count = 0;
    constructor(tx, where, batchSize = 5000) {
        this.tx = tx;
        this.where = where;
        this.batchSize = batchSize;
    }
    /** Validates one label record (record number `seq` of the run, for the error) and buffers it. */
    async add(record, seq) {
        const r = LabelDraft.safeParse(record.label);
        if (!r.success) {
            const issue = r.error.issues[0];
            const path = issue?.path.join('.') ?? '';
            throw badInput(this.where, `record ${seq} (label${path ? ` field ${path}` : ''}): ${issue?.message ?? 'invalid'}`);
        }
        const l = r.data;
        this.rows.push([seq, record.scope, l.assetUid, l.label, jsonText(l.evidence)]);
        this.keys.add(`${l.assetUid}\u0000${l.label}`);
        this.count++;
        if (this.rows.length >= this.batchSize)
            await this.flush();
    }
    async flush() {
        if (this.rows.length === 0)
            return;
        if (!this.created) {
            await this.tx.exec(`create temp table ${LABEL_STAGE_TABLE} (seq int, scope text, asset_uid text, label text, evidence jsonb) on commit drop`);
            this.created = true;
        }
        await this.tx.copyRows(LABEL_STAGE_TABLE, COLS, this.rows);
        this.rows = [];
    }
    /** Some (asset, label) may have been staged twice. */
    get duplicates() {
        return this.keys.duplicates;
    }
}
//# sourceMappingURL=label-stage.js.map