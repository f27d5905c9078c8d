import { loadRuleCatalog } from '../../engines/rules/load.js';
import { Params, scopeCondition, whereSql } from '../../store/queries/tenant-scope.js';
import { requestScope } from '../auth/scope.js';
import { guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';
const ruleItem = Type.obj({
    id: Type.str, title: Type.str, severity: Type.str, kind: Type.str, frameworks: Type.arr(Type.str), rationale: Type.str,
    remediation: Type.obj({ console: Type.str, cli: Type.str, terraform: Type.str }), sql: Type.str, source: Type.str, open_findings: Type.int,
});
/** The built-in rule catalogue, loaded once: rules are files shipped with the server. */
let catalog;
export function registerRuleRoutes(app, db) {
    app.get('/api/v1/rules', {
        config: { policy: 'read' },
        schema: {
            summary: 'The rule catalogue, with the open findings of each rule the caller can see',
            tags: ['rules'],
            response: { 200: Type.obj({ items: Type.arr(ruleItem), next_cursor: Type.nstr }), ...guardedErrors },
        },
    }, async (req) => {
        catalog ??= loadRuleCatalog();
        const p = new Params();
        const where = whereSql([`status = 'open'`, 'rule_id is not null', scopeCondition(await requestScope(db, req), 'owner', p)]);
        const counts = new Map((await db.query(`select rule_id, count(*)::int as n from findings ${where} group by rule_id`, p.values))
            .map((r) => [r.rule_id, r.n]));
        const items = catalog.map(({ rule, source }) => ({
            id: rule.id, title: rule.title, severity: rule.severity, kind: rule.kind, frameworks: rule.frameworks, rationale: rule.rationale,
            remediation: rule.remediation, sql: rule.sql, source, open_findings: counts.get(rule.id) ?? 0,
        }));
        return { items, next_cursor: null };
    });
}
//# sourceMappingURL=rules.js.map