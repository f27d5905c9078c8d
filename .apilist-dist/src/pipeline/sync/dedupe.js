/**
 * Turns a stage table into the run's table of distinct items: later records win over earlier ones (and,
 * for assets, any definition over a reference). Deleting the few duplicates in place and renaming is
 * several times cheaper than copying every row through a `distinct on` sort, and skipping the delete when
 * no key came twice saves the self-join altogether.
 */
export async function distinctStage(tx, stage, run, key, loses, options) {
    const on = key.map((k) => `d.${k} = s.${k}`).join(' and ');
    const statements = [
        options.duplicates ? `delete from ${stage} s using ${stage} d where ${on} and (${loses});` : '',
        `alter table ${stage} rename to ${run};`,
        options.indexKey ? `create index on ${run} (${key.join(', ')}); analyze ${run} (${key.join(', ')});` : '',
    ];
    await tx.exec(statements.join('\n'));
}
//# sourceMappingURL=dedupe.js.map