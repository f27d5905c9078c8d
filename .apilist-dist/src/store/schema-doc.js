import { fileURLToPath } from 'node:url';
import { openDb } from './open.js';
/** Reads tables, views and their comments from the catalog: the migrations are the single source. */
export async function readSchema(db) {
    return db.query(`
    select c.relname as relation, c.relkind::text as relkind, obj_description(c.oid, 'pg_class') as relation_comment,
           a.attname as column_name, format_type(a.atttypid, a.atttypmod) as data_type, a.attnotnull as not_null,
           col_description(c.oid, a.attnum) as column_comment
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'v') and c.relname <> 'schema_migrations'
    order by c.relkind, c.relname, a.attnum`);
}
export function renderSchema(columns) {
    const out = ['# Schema', '', 'Generated from the migrations by `npm run docs` — do not edit by hand.',
        'Tables hold the normalized dataset; the `v_*` views are the stable query surface for the SQL console, rules and BI tools.', ''];
    // View columns without their own comment mean what the same column of the base table means.
    const tableComment = new Map(columns.filter((c) => c.relkind === 'r').map((c) => [`${c.relation}.${c.column_name}`, c.column_comment]));
    let current = '';
    for (const c of columns) {
        if (c.relation !== current) {
            current = c.relation;
            out.push('', `## ${c.relkind === 'v' ? 'view' : 'table'} \`${c.relation}\``, '', c.relation_comment ?? '', '', '| column | type | description |', '|---|---|---|');
        }
        const desc = c.column_comment ?? tableComment.get(`${c.relation.replace(/^v_/, '')}.${c.column_name}`) ?? '';
        out.push(`| \`${c.column_name}\` | ${c.data_type}${c.not_null ? ' not null' : ''} | ${desc.replace(/\|/g, '\\|')} |`);
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
export async function generateSchemaDoc() {
    const db = await openDb('memory://');
    try {
        return renderSchema(await readSchema(db));
    }
    finally {
        await db.close();
    }
}
if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.stdout.write(await generateSchemaDoc());
}
//# sourceMappingURL=schema-doc.js.map