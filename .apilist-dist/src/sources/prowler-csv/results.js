import { badInput } from '../../model/errors.js';
import { listOf } from '../prowler/check-result.js';
import { complianceFromCsv } from '../prowler/compliance.js';
import { splitV2Control } from '../prowler/v2-control.js';
function required(row, where, ...columns) {
    const v = row.get(...columns);
    if (v === null)
        throw badInput(where, `Prowler CSV line ${row.line} column ${columns[0]}: empty`);
    return v;
}
/** The namespace of a Kubernetes result, which Prowler writes into REGION as `namespace: <ns>`. */
function namespaceOf(region) {
    const m = /^namespace:\s*(.+)$/.exec(region ?? '');
    return m ? m[1].trim() : null;
}
/**
 * A Prowler 3 or 4+ CSV row. Column names changed between the two (ACCOUNT_ID → ACCOUNT_UID, RESOURCE_ARN →
 * RESOURCE_UID, REMEDIATION_RECOMMENDATION_CODE_* → REMEDIATION_CODE_*); both spellings are read.
 */
export function v3Row(row, where) {
    const provider = (row.get('PROVIDER') ?? 'aws').toLowerCase();
    const aws = provider === 'aws';
    const region = row.get('REGION', 'LOCATION');
    const status = required(row, where, 'STATUS').toUpperCase();
    return {
        checkId: required(row, where, 'CHECK_ID'),
        status,
        muted: (row.get('MUTED') ?? '').toLowerCase() === 'true' || status === 'MUTED',
        provider,
        account: row.get('ACCOUNT_UID', 'ACCOUNT_ID', 'SUBSCRIPTION', 'PROJECT_ID') ?? '',
        region: region ?? '',
        partition: row.get('PARTITION'),
        severity: row.get('SEVERITY'),
        checkTitle: row.get('CHECK_TITLE'),
        statusExtended: row.get('STATUS_EXTENDED'),
        checkDescription: row.get('DESCRIPTION'),
        risk: row.get('RISK'),
        remediation: row.get('REMEDIATION_RECOMMENDATION_TEXT'),
        references: [...listOf(row.get('RELATED_URL')), ...listOf(row.get('REMEDIATION_RECOMMENDATION_URL')), ...listOf(row.get('ADDITIONAL_URLS'))],
        compliance: complianceFromCsv(row.get('COMPLIANCE')),
        // Prowler 3 on AWS: RESOURCE_ARN is the uid, RESOURCE_ID a bare id; on Azure/GCP RESOURCE_ID is the provider's id.
        resource: {
            uid: row.get('RESOURCE_UID', 'RESOURCE_ARN') ?? (aws ? null : row.get('RESOURCE_ID')),
            name: row.get('RESOURCE_NAME', 'RESOURCE_ID'),
            type: row.get('RESOURCE_TYPE'),
            namespace: namespaceOf(region),
        },
        findingUid: row.get('FINDING_UID', 'FINDING_UNIQUE_ID'),
        service: row.get('SERVICE_NAME'),
        categories: listOf(row.get('CATEGORIES'), /\s*[,|]\s*/),
        checkType: listOf(row.get('CHECK_TYPE'), /\s*[,|]\s*/),
        version: row.get('PROWLER_VERSION'),
    };
}
/** A Prowler 2 CSV row: the check id is inside TITLE_TEXT, and there is no resource id, only its ASFF type. */
export function v2Row(row, where) {
    const titleText = required(row, where, 'TITLE_TEXT');
    const control = splitV2Control(titleText);
    if (!control)
        throw badInput(where, `Prowler CSV line ${row.line} column TITLE_TEXT: expected "[check id] title", got "${titleText.slice(0, 80)}"`);
    return {
        checkId: control.checkId,
        status: required(row, where, 'CHECK_RESULT', 'RESULT').toUpperCase(),
        muted: false,
        provider: 'aws',
        account: row.get('ACCOUNT_NUM') ?? '',
        region: row.get('REGION') ?? '',
        partition: null,
        severity: row.get('CHECK_SEVERITY', 'SEVERITY'),
        checkTitle: control.title,
        statusExtended: row.get('CHECK_RESULT_EXTENDED'),
        checkDescription: null,
        risk: row.get('CHECK_RISK'),
        remediation: row.get('CHECK_REMEDIATION'),
        references: listOf(row.get('CHECK_DOC')),
        compliance: {},
        resource: { uid: null, name: row.get('RESOURCE_ID'), type: row.get('CHECK_ASFF_RESOURCE_TYPE'), namespace: null },
        findingUid: null,
        service: row.get('CHECK_SERVICENAME'),
        categories: [],
        checkType: listOf(row.get('CHECK_ASFF_TYPE')),
        version: null,
    };
}
//# sourceMappingURL=results.js.map