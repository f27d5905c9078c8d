import { analyzerForEcosystem, analyzerForFile, placePackage } from '../shared/package-place.js';
/** `Key: value` lines, as both Trivy and Grype write them in messages and rule help. */
function fields(text) {
    const out = new Map();
    for (const line of (text ?? '').split(/\r?\n/)) {
        const m = /^\s*([A-Za-z][A-Za-z ]{1,30}):\s*(.*?)\s*$/.exec(line);
        if (m && !out.has(m[1].toLowerCase()))
            out.set(m[1].toLowerCase(), m[2]);
    }
    return out;
}
/** Grype package types as the Trivy analyzer types that share their ecosystem. */
const GRYPE_TYPES = {
    'java-archive': 'jar', 'jenkins-plugin': 'jar', npm: 'npm', python: 'python-pkg', gem: 'gemspec',
    'go-module': 'gomod', 'rust-crate': 'cargo', dotnet: 'nuget', 'php-composer': 'composer', hex: 'hex',
    'dart-pub': 'pub', swift: 'swift', cocoapods: 'cocoapods', conan: 'conan',
};
const OS_TYPES = new Set(['apk', 'deb', 'rpm', 'alpm', 'portage']);
function lookup(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
/** Grype: `... reports <pkg> at version <v>  which would result in a vulnerable (<type>) package installed`. */
const GRYPE_OLD = /reports (\S+) at version (\S+)\s+which would result in a vulnerable \(([^)]+)\) package/;
/** Grype: `A low vulnerability in <type> package: <pkg>, version <v> was found at: <path>`. */
const GRYPE_NEW = /vulnerability in (\S+) package: (.+?), version (\S+) was found at/;
const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** A component named in the result's properties (`component`/`componentVersion`/`componentOrigin`, or `packageName`...). */
function fromProperties(p) {
    const name = text(p.component) ?? text(p.packageName) ?? text(p.package);
    if (!name)
        return undefined;
    const version = text(p.componentVersion) ?? text(p.packageVersion) ?? text(p.installedVersion) ?? null;
    const origin = (text(p.componentOrigin) ?? text(p.ecosystem) ?? text(p.packageType) ?? '').toLowerCase();
    return { name, version, fixedVersion: text(p.fixedVersion) ?? null, ...placePackage(analyzerForEcosystem(origin), origin || 'unknown', name, version) };
}
/** The package a vulnerability result is about, or undefined when the texts do not name one. */
export function packageOf(input) {
    const props = input.properties ? fromProperties(input.properties) : undefined;
    if (props)
        return props;
    const msg = fields(input.message);
    const help = fields(input.help);
    // Trivy: the result message names this result's package; the rule help names the first one only.
    const trivyName = msg.get('package');
    if (trivyName) {
        const version = msg.get('installed version') || null;
        const os = /^OsPackage/i.test(input.ruleName ?? '');
        const analyzer = os ? undefined : analyzerForFile(input.path);
        return { name: trivyName, version, fixedVersion: msg.get('fixed version') || null, ...placePackage(analyzer, os ? 'os' : 'unknown', trivyName, version) };
    }
    const m1 = GRYPE_OLD.exec(input.message ?? '');
    const m2 = m1 ? undefined : GRYPE_NEW.exec(input.message ?? '');
    const name = help.get('package') || m1?.[1] || m2?.[2];
    if (!name)
        return undefined;
    const version = help.get('version') || m1?.[2] || m2?.[3] || null;
    const type = (help.get('type') || m1?.[3] || m2?.[1] || '').toLowerCase();
    const analyzer = lookup(GRYPE_TYPES, type);
    return {
        name,
        version,
        fixedVersion: help.get('fix version') || help.get('fixed version') || null,
        ...placePackage(analyzer, OS_TYPES.has(type) ? type : type || 'unknown', name, version),
    };
}
//# sourceMappingURL=package-vuln.js.map