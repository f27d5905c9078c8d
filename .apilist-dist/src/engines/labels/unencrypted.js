import { HitSet } from './labeler.js';
export const UNENCRYPTED = 'Unencrypted';
/**
 * Storage the provider says is not encrypted at rest. Only an explicit `false` (or, for S3, an answer of "no
 * default encryption") counts: a field that was not collected says nothing.
 */
const CHECKS = [
    { kinds: ['aws.ec2.volume', 'aws.ec2.snapshot', 'aws.rds.db-snapshot', 'aws.rds.db-cluster-snapshot'], field: 'Encrypted', sql: `properties->'Encrypted' = 'false'` },
    { kinds: ['aws.rds.db-instance', 'aws.rds.db-cluster'], field: 'StorageEncrypted', sql: `properties->'StorageEncrypted' = 'false'` },
    // The S3 reader stores Encryption as null when get-bucket-encryption answered that none is configured.
    { kinds: ['aws.s3.bucket'], field: 'Encryption', sql: `properties ? 'Encryption' and properties->'Encryption' = 'null'` },
];
export const unencryptedLabeler = {
    name: UNENCRYPTED,
    labels: () => [UNENCRYPTED],
    async compute({ db }) {
        const hits = new HitSet();
        for (const c of CHECKS) {
            const rows = await db.query(`select uid, kind, properties->'${c.field}' as value from assets where kind = any($1::text[]) and gone_at is null and ${c.sql}`, [c.kinds]);
            for (const r of rows)
                hits.add(r.uid, { kind: r.kind, field: c.field, value: r.value ?? null });
        }
        return hits.hits(UNENCRYPTED, (reasons) => reasons[0]);
    },
};
//# sourceMappingURL=unencrypted.js.map