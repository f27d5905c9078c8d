import { createHash } from 'node:crypto';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { cweIds } from '../shared/cwe.js';
import { maskTokens } from '../shared/secret-digest.js';
import { canonicalAdvisory } from '../shared/advisory-id.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { splitFixedVersions } from '../trivy/vulnerabilities.js';
import { advisoryOf, kindOf } from './classify.js';
import { descriptorText, messageText } from './message.js';
import { packageOf } from './package-vuln.js';
import { severityOfResult } from './severity.js';
const MAX_LOCATIONS = 100;
const MAX_TEXT = 4000;
const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : typeof v === 'string' ? [v] : []);
const clip = (s, n = MAX_TEXT) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);
function firstLine(text) {
    const line = text?.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
    return line ? clip(line, 200) : null;
}
/**
 * A result is an open problem only when it is a failure (`kind` absent or `fail`), is not `absent` from
 * the baseline, and is not suppressed: a non-empty `suppressions` array none of whose entries is
 * `underReview` or `rejected` (an entry without a status is a suppression in force, as CodeQL writes them).
 */
export function isOpenProblem(result) {
    if ((result.kind ?? 'fail').toLowerCase() !== 'fail')
        return false;
    if ((result.baselineState ?? '').toLowerCase() === 'absent')
        return false;
    const s = result.suppressions ?? [];
    const pending = (st) => st === 'underReview' || st === 'rejected';
    return !(s.length > 0 && !s.some((x) => pending(x.status ?? x.state)));
}
/** Where a secret scanner puts the secret itself (read only to be hashed). */
function secretOf(result) {
    const p = result.properties ?? {};
    for (const key of ['offender', 'secret', 'Secret', 'match', 'Match']) {
        const v = p[key];
        if (typeof v === 'string' && v.trim() !== '')
            return v;
    }
    return result.locations[0]?.physicalLocation?.region?.snippet?.text ?? null;
}
/** The commit a secret scanner found the secret in (gitleaks writes it in properties or partialFingerprints). */
function commitOf(result) {
    const c = result.properties?.commit ?? result.partialFingerprints?.commitSha;
    return typeof c === 'string' && /^[0-9a-f]{7,64}$/i.test(c) ? c : null;
}
function locationEvidence(l) {
    return { path: l.path, startLine: l.startLine, endLine: l.endLine, startColumn: l.startColumn, endColumn: l.endColumn, logicalLocation: l.logical };
}
function titleOf(kind, message, rule, ruleId, pkg, advisory) {
    const short = descriptorText(rule?.shortDescription);
    if (kind === 'vuln' && advisory && pkg)
        return short ?? `${advisory} in ${pkg.name}`;
    if (kind === 'secret') {
        const line = firstLine(message);
        return short ?? rule?.name ?? ruleId ?? (line ? maskTokens(line) : null) ?? 'Secret';
    }
    return firstLine(message) ?? short ?? rule?.name ?? ruleId ?? 'SARIF result';
}
/** One SARIF result as a sighting of a finding on the run's asset; undefined when it is no open problem. */
export function resultSighting(ctx, result) {
    if (!isOpenProblem(result))
        return undefined;
    const { id: ruleId, descriptor, component } = ctx.rules.resolve(result);
    const message = messageText(result.message, descriptor, component);
    const locations = result.locations.map((l) => ctx.locations.resolve(l));
    const primary = locations[0] ?? ctx.locations.resolve(undefined);
    const tags = [...strings(descriptor?.properties?.tags), ...strings(result.properties?.tags)];
    const { severity, score, level } = severityOfResult(result, descriptor);
    let kind = kindOf({ toolName: ctx.tool.name, ruleId, tags });
    const advisoryIds = advisoryOf(ruleId);
    const advisory = advisoryIds?.id ?? null;
    const pkg = kind === 'vuln'
        ? packageOf({ properties: result.properties, message, help: descriptor?.help?.text ?? null, ruleName: descriptor?.name ?? null, path: primary.path })
        : undefined;
    if (kind === 'vuln' && !pkg)
        kind = 'code'; // an advisory on a file, not a package: a code finding naming the advisory
    const ruleKey = ruleId ?? `message:${createHash('sha256').update(message ?? '').digest('hex').slice(0, 16)}`;
    const secretKind = kind === 'secret';
    const identity = ctx.identities.detail({
        rule: ruleKey,
        secretKind,
        location: primary,
        fingerprints: result.fingerprints,
        partialFingerprints: result.partialFingerprints,
        message,
        snippet: result.locations[0]?.physicalLocation?.region?.snippet?.text ?? null,
        secret: secretKind ? secretOf(result) : null,
    });
    const occurrence = {
        tool: ctx.tool.name,
        ...locationEvidence(primary),
        // Secret scanners may quote the secret in prose: masked. Snippets are never kept (they quote code).
        message: clip(secretKind && message ? maskTokens(message) : message),
        level,
        baselineState: result.baselineState ?? null,
        identity: identity.basis,
    };
    if (locations.length > 1)
        occurrence.locations = locations.slice(0, MAX_LOCATIONS).map(locationEvidence);
    if (secretKind)
        occurrence.commit = commitOf(result);
    const fixes = result.fixes.map((f) => (f.description ? messageText(f.description, descriptor, component) : null)).filter((t) => !!t);
    const properties = {
        tool: ctx.tool,
        ruleName: descriptor?.name ?? null,
        tags,
        cweIds: cweIds(tags, descriptor?.properties?.cwe, result.properties?.cwe, descriptor?.relationships.map((r) => r.target?.id)),
        securitySeverity: score,
        precision: typeof descriptor?.properties?.precision === 'string' ? descriptor.properties.precision : null,
        helpUri: descriptor?.helpUri ?? null,
        help: secretKind || pkg ? null : clip(descriptorText(descriptor?.help)),
    };
    if (advisoryIds && kind !== 'vuln')
        Object.assign(properties, { advisory, aliases: advisoryIds.aliases });
    const title = titleOf(kind, message, descriptor, ruleId, pkg, advisory);
    const description = descriptorText(descriptor?.fullDescription) ?? (kind === 'vuln' ? null : descriptorText(descriptor?.shortDescription));
    if (kind === 'vuln' && pkg && advisoryIds) {
        return packageVulnSighting({
            assetUid: ctx.assetUid,
            ecosystem: pkg.ecosystem,
            packageName: pkg.name,
            packagePurl: pkg.purl,
            advisory: canonicalAdvisory(advisoryIds.id, advisoryIds.aliases),
            originalId: ruleId ?? advisoryIds.id,
            title,
            description: clip(description),
            severity,
            remediation: fixes.length ? clip(fixes.join('\n')) : null,
            properties,
            occurrence: { ...occurrence, path: primary.path, installedVersion: pkg.version, fixedVersions: splitFixedVersions(pkg.fixedVersion) },
        });
    }
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint(kind, ruleKey, ctx.assetUid, identity.detail),
            kind,
            ruleId,
            advisoryId: advisory,
            title,
            description: clip(description),
            severity,
            assetUid: ctx.assetUid,
            evidence: occurrence,
            remediation: fixes.length ? clip(fixes.join('\n')) : null,
            properties,
            originalId: ruleId,
        },
    };
}
//# sourceMappingURL=result.js.map