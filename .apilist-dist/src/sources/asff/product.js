import { parseArn } from '../prowler/aws-resource.js';
/** The product that wrote a finding, from its ProductArn: `aws/guardduty`, `aws/securityhub`, `prowler/prowler`. */
export function productKey(f) {
    const m = /:product\/(.+)$/.exec(f.ProductArn.trim());
    if (m)
        return m[1].toLowerCase();
    return (f.ProductName ?? '').trim().toLowerCase().replace(/\s+/g, '-') || 'unknown';
}
/** `aws/guardduty` → `guardduty`: the prefix of the product's rule ids. */
export function productName(key) {
    return key.split('/').pop() || key;
}
/** Prowler's own ASFF output (`-M json-asff`): its findings are Prowler check results. */
export function isProwler(f) {
    return productKey(f) === 'prowler/prowler' || (f.ProductFields?.ProviderName === 'Prowler' && f.GeneratorId.startsWith('prowler-'));
}
/**
 * Open means the product still reports a problem: a compliance check that did not pass (PASSED, WARNING and
 * NOT_AVAILABLE are not problems), not suppressed or resolved in its workflow, not archived by its product.
 */
export function isOpen(f) {
    const compliance = f.Compliance?.Status?.trim().toUpperCase();
    if (compliance && compliance !== 'FAILED')
        return false;
    const workflow = (f.Workflow?.Status ?? f.WorkflowState ?? '').trim().toUpperCase();
    if (workflow === 'SUPPRESSED' || workflow === 'RESOLVED')
        return false;
    return (f.RecordState ?? 'ACTIVE').trim().toUpperCase() !== 'ARCHIVED';
}
const hasType = (f, re) => f.Types.some((t) => re.test(t));
/** Macie and sensitive-data types are `data`, IAM Access Analyzer `iam`, CVE types `vuln`, the rest `config`. */
export function kindOf(f, key) {
    if (key.endsWith('/macie') || hasType(f, /^Sensitive Data Identifications/i))
        return 'data';
    if (key.endsWith('/access-analyzer'))
        return 'iam';
    if (hasType(f, /\/Vulnerabilities(\/|$)/i))
        return 'vuln';
    return 'config';
}
/**
 * The rule a finding is an instance of, prefixed by its product: the Security Hub control
 * (`securityhub:IAM.5`, consolidated id when given), the generator otherwise. GuardDuty's generator is its
 * detector's ARN, which names no rule: its finding type (`Types[0]`) does.
 */
export function ruleIdOf(f, key) {
    const name = productName(key);
    if (name === 'securityhub') {
        const control = f.Compliance?.SecurityControlId ?? (typeof f.ProductFields?.ControlId === 'string' ? f.ProductFields.ControlId : undefined);
        return `securityhub:${control?.trim() || f.GeneratorId}`;
    }
    const generatorArn = parseArn(f.GeneratorId);
    const rule = generatorArn && !/^config-rule\//.test(generatorArn.resource) ? f.Types[0] ?? f.GeneratorId : f.GeneratorId;
    return `${name}:${rule || 'unknown'}`;
}
/**
 * Checks that report one result per rule × resource (Security Hub controls, Config rules) are identified by
 * rule, resource and region, so a re-export with new finding ids keeps them. Other products' findings are
 * identified by their ASFF Id, which the product keeps stable for the life of the finding (GuardDuty folds
 * repeats into one id; two Access Analyzer findings on one bucket differ only by id).
 */
export function identifiedByRule(key) {
    return key === 'aws/securityhub' || key === 'aws/config';
}
//# sourceMappingURL=product.js.map