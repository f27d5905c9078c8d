/**
 * JSON schemas shared by the API routes: Fastify validates requests and serializes responses with them,
 * and the OpenAPI document is built from them. Item schemas allow further properties, since the JSON
 * contracts grow by adding fields (docs/contracts.md).
 */
import { Type } from './json-schema.js';
const { str, nstr, int, num, nnum, bool, date, ndate, obj, nobj, arr } = Type;
export const errorSchema = obj({ error: str, message: str }, { additional: false });
export const findingItem = obj({
    id: int, fingerprint: str, kind: str, rule_id: nstr, advisory_id: nstr, title: str, severity: str,
    risk_score: nnum, status: str, triage: str, asset_uid: nstr, package_purl: nstr, owner: nstr,
    evidence: obj({}), sources: arr(str), unverified: bool, first_seen: date, last_seen: date, resolved_at: ndate,
    epss: nobj({ score: num, percentile: num }), kev: nobj({ ransomware: bool }), spread: nobj({ assets: int, owners: int }),
});
export const assetItem = obj({
    uid: str, kind: str, name: nstr, owner: nstr, owner_reason: nstr, labels: arr(str), provider: nstr, account: nstr,
    region: nstr, environment: nstr, unverified: bool, first_seen: date, last_seen: date, gone_at: ndate,
});
export const runItem = obj({
    id: int, source: str, status: str, started_at: date, finished_at: ndate, seconds: nnum, input: obj({}), counts: obj({}), error: nstr,
});
/** `{"items": [...], "next_cursor": ...}`: every list endpoint. */
export function listOf(item) {
    return obj({ items: arr(item), next_cursor: nstr }, { additional: false });
}
export const pageQuery = {
    cursor: { type: 'string', maxLength: 2048, description: 'next_cursor of the previous page' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
};
/** Standard error responses of a route under a policy other than public. */
export const guardedErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
//# sourceMappingURL=api-schemas.js.map