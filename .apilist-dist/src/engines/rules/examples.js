class Rollback extends Error {
}
const EPOCH = '2026-01-01T00:00:00Z';
/** Loads an example's inventory straight into the tables the views read, inside the caller's transaction. */
async function loadExample(tx, ex) {
    if (ex.assets.length) {
        await tx.query(`insert into assets (uid, kind, provider, account, region, name, properties, tags, labels, owner, owner_reason,
                           environment, criticality, source, scope, reference, content_hash, first_seen, last_seen)
       select a->>'uid', a->>'kind', a->>'provider', a->>'account', a->>'region', a->>'name', a->'properties', a->'tags',
              array(select jsonb_array_elements_text(a->'labels')), a->>'owner', a->>'ownerReason', a->>'environment',
              a->>'criticality', 'example', 'example', coalesce((a->>'reference')::boolean, false), '', $2, $2
       from jsonb_array_elements($1::jsonb) a`, [JSON.stringify(ex.assets), EPOCH]);
    }
    if (ex.relationships.length) {
        await tx.query(`insert into relationships (from_uid, kind, to_uid, source, scope, properties, first_seen)
       select r->>'from', r->>'kind', r->>'to', 'example', 'example', r->'properties', $2
       from jsonb_array_elements($1::jsonb) r`, [JSON.stringify(ex.relationships), EPOCH]);
    }
}
/**
 * Runs a rule's examples against a migrated store: each example's inventory is written and the rule's
 * query run inside one transaction that is always rolled back, so the store is left as it was. The store
 * should hold nothing else (tests and `mothership rules test` use an empty in-memory store).
 */
export async function runRuleExamples(db, rule) {
    const results = [];
    for (const ex of rule.examples) {
        const expected = [...new Set(ex.violations)].sort();
        let actual = [];
        let error;
        try {
            await db.transaction(async (tx) => {
                await loadExample(tx, ex);
                const rows = await tx.query(rule.sql);
                actual = [...new Set(rows.map((r) => r.asset_uid))].sort();
                throw new Rollback();
            });
        }
        catch (e) {
            if (!(e instanceof Rollback))
                error = e.message;
        }
        results.push({ rule: rule.id, example: ex.name, expected, actual, error,
            passed: error === undefined && JSON.stringify(expected) === JSON.stringify(actual) });
    }
    return results;
}
/** Why a rule's examples are not enough: at least one violating and one compliant case. */
export function exampleCoverageProblem(rule) {
    if (!rule.examples.some((e) => e.violations.length > 0))
        return 'no example with a violation';
    if (!rule.examples.some((e) => e.violations.length === 0))
        return 'no compliant example (violations: [])';
    return null;
}
//# sourceMappingURL=examples.js.map