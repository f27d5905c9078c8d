import { ruleFingerprint } from '../../findings/fingerprint.js';
const SEVERITIES = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info', trace: 'info' };
export function severityOf(word) {
    const w = (word ?? '').toLowerCase();
    return Object.hasOwn(SEVERITIES, w) ? SEVERITIES[w] : 'medium';
}
/** KICS' secret queries (category `Secret Management`) find credentials; the others, misconfigurations. */
function kindOf(q) {
    return /secret/i.test(q.category ?? '') ? 'secret' : 'config';
}
/**
 * One file a query failed on as a sighting of a `config` (or `secret`) finding. Identity is the query,
 * the file, KICS' similarity id (its own line-independent hash of query, file and search key) or else the
 * search key, and the expected value: one search key can fail several ways (`rules[0].verbs` and
 * `rules[0].resources` both hold `*`), each its own finding.
 */
export function fileSighting(assetUid, q, f) {
    const kind = kindOf(q);
    const key = f.similarity_id ? `sim:${f.similarity_id}` : f.search_key ? `key:${f.search_key}` : `line:${f.line ?? 0}`;
    const occurrence = {
        path: f.file_name,
        startLine: f.line ?? null,
        resourceType: f.resource_type ?? null,
        resourceName: f.resource_name ?? null,
        searchKey: f.search_key ?? null,
        issueType: f.issue_type ?? null,
        expected: f.expected_value ?? null,
    };
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint(kind, q.query_id, assetUid, `${f.file_name}#${key}#${f.expected_value ?? ''}`),
            kind,
            ruleId: q.query_id,
            title: q.query_name,
            description: q.description ?? null,
            severity: severityOf(q.severity),
            assetUid,
            evidence: occurrence,
            remediation: f.remediation || f.expected_value || null,
            properties: {
                category: q.category ?? null,
                platform: q.platform ?? null,
                cloudProvider: q.cloud_provider ?? null,
                queryUrl: q.query_url ?? null,
                descriptionId: q.description_id ?? null,
            },
            originalId: q.query_id,
        },
    };
}
//# sourceMappingURL=query.js.map