import { createHash } from 'node:crypto';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { canonicalAdvisory } from '../shared/advisory-id.js';
import { cweIds } from '../shared/cwe.js';
import { analyzerForEcosystem, placePackage } from '../shared/package-place.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { maskTokens } from '../shared/secret-digest.js';
const MAX_TEXT = 4000;
/** Legacy levels (ERROR/WARNING/INFO) and the newer CRITICAL..LOW scale; unknown words → medium. */
const SEVERITIES = {
    critical: 'critical', error: 'high', high: 'high', warning: 'medium', medium: 'medium', info: 'low', low: 'low',
    experimental: 'info', inventory: 'info',
};
export function severityOf(word) {
    const w = (word ?? '').toLowerCase();
    return Object.hasOwn(SEVERITIES, w) ? SEVERITIES[w] : 'medium';
}
/** Semgrep writes `requires login` in place of fingerprints and matched lines for anonymous scans. */
export function usable(value) {
    const v = value?.trim();
    return !!v && v !== 'requires login';
}
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : typeof v === 'string' ? [v] : []);
const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v : null);
/** Semgrep Secrets rules (`generic.secrets.security.*`, product `secrets`). */
function isSecretRule(r) {
    const m = r.extra.metadata;
    return /(^|\.)secrets?(\.|$)/i.test(r.check_id) || str(m.product) === 'secrets' || str(m.category) === 'secrets';
}
/**
 * The location part of the fingerprint, stable when lines move: Semgrep's own fingerprint (a hash of rule,
 * path and the matched code with its metavariables), else a hash of the matched lines, else of the
 * message; numbered when the same key repeats at another position, as Semgrep numbers its match ids.
 */
function identity(ctx, r) {
    const e = r.extra;
    const position = `${r.start.line}:${r.start.col}:${r.end?.line}:${r.end?.col}`;
    const [key, basis] = usable(e.fingerprint) ? [`${r.path}#fp:${e.fingerprint}`, 'fingerprint']
        : usable(e.lines) ? [`${r.path}#lines:${hash(e.lines.replace(/\s+/g, ' ').trim())}`, 'lines']
            : [`${r.path}#message:${hash((e.message ?? '').replace(/\d+/g, '#'))}`, 'message'];
    return { detail: ctx.ordinals.number(key, position, r.check_id), basis };
}
/** A Semgrep Supply Chain result: a vulnerable dependency, fingerprinted as every other scanner's. */
function supplyChain(ctx, r, base) {
    const dep = r.extra.sca_info?.dependency_match?.found_dependency;
    const m = r.extra.metadata;
    const ids = [str(m['sca-vuln-database-identifier']), ...strings(m.cve), ...strings(m.ghsa)].filter((x) => !!x);
    const [first, ...rest] = ids;
    if (!dep || !first)
        return undefined;
    const ecosystemWord = dep.ecosystem ?? r.extra.sca_info?.dependency_match?.dependency_pattern?.ecosystem ?? '';
    const placed = placePackage(analyzerForEcosystem(ecosystemWord), ecosystemWord || 'unknown', dep.package, dep.version ?? null);
    return packageVulnSighting({
        assetUid: ctx.assetUid,
        ecosystem: placed.ecosystem,
        packageName: dep.package,
        packagePurl: placed.purl,
        advisory: canonicalAdvisory(first, rest),
        originalId: r.check_id,
        title: base.title,
        description: base.description,
        severity: base.severity,
        properties: { ...base.properties, reachable: r.extra.sca_info?.reachable ?? null },
        occurrence: {
            ...base.occurrence,
            path: dep.lockfile_path ?? r.extra.sca_info?.dependency_match?.lockfile ?? r.path,
            installedVersion: dep.version ?? null,
            fixedVersions: [],
        },
    });
}
/** One Semgrep result as a sighting of a finding; undefined for results a `nosemgrep` comment ignores. */
export function resultSighting(ctx, r) {
    const e = r.extra;
    if (e.is_ignored)
        return undefined;
    const m = e.metadata;
    const kind = isSecretRule(r) ? 'secret' : 'code';
    // A secret rule's message can interpolate the matched value: masked.
    const text = e.message && e.message.length > MAX_TEXT ? `${e.message.slice(0, MAX_TEXT - 1)}…` : e.message;
    const message = text ? (kind === 'secret' ? maskTokens(text) : text) : null;
    const firstLine = message?.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? null;
    const title = firstLine ? (firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine) : r.check_id;
    const { detail, basis } = identity(ctx, r);
    const occurrence = {
        path: r.path,
        startLine: r.start.line,
        endLine: r.end?.line ?? r.start.line,
        startColumn: r.start.col ?? null,
        endColumn: r.end?.col ?? null,
        engine: e.engine_kind ?? null,
        validationState: e.validation_state ?? null,
        identity: basis,
    };
    const properties = {
        checkId: r.check_id,
        cweIds: cweIds(m.cwe),
        owasp: strings(m.owasp),
        confidence: str(m.confidence),
        likelihood: str(m.likelihood),
        impact: str(m.impact),
        category: str(m.category),
        subcategory: strings(m.subcategory),
        technology: strings(m.technology),
        references: strings(m.references),
        ruleUrl: str(m.source) ?? str(m.shortlink),
    };
    const severity = severityOf(e.severity);
    if (e.sca_info) {
        const vuln = supplyChain(ctx, r, { severity, title, description: message, occurrence, properties });
        if (vuln)
            return vuln;
    }
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint(kind, r.check_id, ctx.assetUid, detail),
            kind,
            ruleId: r.check_id,
            title,
            description: message,
            severity,
            assetUid: ctx.assetUid,
            evidence: occurrence,
            // An autofix quotes code; for secret rules it could quote the secret.
            remediation: kind === 'code' && e.fix ? e.fix : null,
            properties,
            originalId: r.check_id,
        },
    };
}
//# sourceMappingURL=result.js.map