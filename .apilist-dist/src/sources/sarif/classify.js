/** Secret scanners, by the driver name they write. */
const SECRET_TOOLS = /gitleaks|trufflehog|detect-secrets|ggshield|gitguardian|secretlint|talisman|whispers|nosey ?parker|kingfisher|betterleaks/i;
/** Infrastructure-as-code and image-configuration checkers. */
const CONFIG_TOOLS = /checkov|tfsec|kics|terrascan|dockle|hadolint|kube-?linter|kubesec|kube-score|cfn[-_ ]?(lint|nag)|tflint|snyk iac|polaris|conftest/i;
const CVE = /\bCVE-\d{4}-\d{4,}\b/gi;
const GHSA = /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi;
/** Other advisory databases, when the rule id starts with one (Black Duck, RustSec, PyPA, Go, OSV, Snyk). */
const OTHER = /^(BDSA-\d{4}-\d+|RUSTSEC-\d{4}-\d+|PYSEC-\d{4}-\d+|GO-\d{4}-\d+|OSV-\d{4}-\d+|SNYK-[A-Z0-9]+(?:-[A-Z0-9]+)*-\d+)/i;
/**
 * The advisory a rule id names: `CVE-2021-44228`, `GHSA-xxxx-xxxx-xxxx` (Grype appends `-<package>`),
 * `BDSA-2020-1001 (CVE-2020-11022)` (Black Duck). The CVE is the canonical id when there is one, as in
 * every other parser, so findings from different tools merge; the other ids are its aliases.
 */
export function advisoryOf(ruleId) {
    if (!ruleId)
        return null;
    const cves = [...new Set([...ruleId.matchAll(CVE)].map((m) => m[0].toUpperCase()))];
    const ghsas = [...new Set([...ruleId.matchAll(GHSA)].map((m) => m[0]))];
    const other = OTHER.exec(ruleId)?.[1]?.toUpperCase();
    const all = [...cves, ...ghsas, ...(other ? [other] : [])];
    const [id, ...aliases] = all;
    return id ? { id, aliases } : null;
}
/**
 * What kind of problem a result is, before a package is looked for: `secret` for secret scanners (by tool
 * name or a `secret` tag, as Trivy tags its secret rules), `config` for IaC checkers (or Trivy's
 * `misconfiguration` tag), `vuln` candidates for advisory rule ids, else `code`. A vuln candidate whose
 * package cannot be recovered is reported as `code` by the caller.
 */
export function kindOf({ toolName, ruleId, tags }) {
    const t = new Set(tags.map((s) => s.toLowerCase()));
    if (SECRET_TOOLS.test(toolName) || t.has('secret') || t.has('secrets'))
        return 'secret';
    if (advisoryOf(ruleId))
        return 'vuln';
    if (CONFIG_TOOLS.test(toolName) || t.has('misconfiguration') || t.has('iac'))
        return 'config';
    return 'code';
}
//# sourceMappingURL=classify.js.map