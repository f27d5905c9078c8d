import { trivyStyleName } from '../shared/package-purl.js';
import { ecosystemOf } from '../trivy/ecosystem.js';
import { buildPurl } from '../trivy/purl.js';
/** Grype (syft) package types of OS package databases: their packages are found at no path. */
const OS_TYPES = new Set(['deb', 'rpm', 'apk', 'alpm', 'portage']);
/** Syft package types as Trivy names its analyzers, to reuse Trivy's ecosystem and purl rules. */
const TRIVY_TYPES = {
    npm: 'npm', python: 'python-pkg', 'java-archive': 'jar', 'jenkins-plugin': 'jar', 'go-module': 'gomod',
    gem: 'gemspec', 'rust-crate': 'cargo', 'php-composer': 'composer', 'php-pecl': 'composer', dotnet: 'nuget',
    pub: 'pub', hex: 'hex', 'erlang-otp': 'hex', conan: 'conan', cocoapods: 'cocoapods', swift: 'swift',
    'conda': 'conda-pkg', 'github-action': 'github', 'github-action-workflow': 'github',
};
/** Distro ids in Grype's `distro.name` that Trivy calls otherwise. */
const DISTRO_ALIASES = {
    rhel: 'redhat', amzn: 'amazon', amazonlinux: 'amazon', ol: 'oracle', oraclelinux: 'oracle', almalinux: 'alma',
    mariner: 'cbl-mariner', azurelinux: 'azurelinux', 'opensuse-leap': 'opensuse.leap', sles: 'sles',
};
function distroFamily(distro) {
    const n = distro?.name?.trim().toLowerCase();
    if (!n)
        return undefined;
    return Object.hasOwn(DISTRO_ALIASES, n) ? DISTRO_ALIASES[n] : n;
}
/** Ecosystem, name and purl of a matched artifact, spelled as Trivy's parser spells them. */
export function artifactIdentity(a, distro) {
    const type = (a.type ?? '').toLowerCase();
    const isOs = OS_TYPES.has(type);
    const family = distroFamily(distro);
    const trivyType = isOs ? family : Object.hasOwn(TRIVY_TYPES, type) ? TRIVY_TYPES[type] : type || undefined;
    const purl = a.purl?.startsWith('pkg:') ? a.purl : buildPurl({
        resultType: trivyType,
        os: family ? { Family: family, Name: distro?.version ?? null } : null,
        name: a.name,
        version: a.version.replace(/^\d+:/, ''),
        epoch: isOs && /^\d+:/.test(a.version) ? Number(a.version.split(':')[0]) : null,
    });
    return { ecosystem: ecosystemOf(trivyType, purl), name: trivyStyleName(purl, a.name), purl, isOs };
}
/**
 * Where the artifact was found: '' for OS packages (as Trivy), else its first location; inside an image
 * the leading `/` goes, as Trivy writes paths relative to the image root.
 */
export function artifactPath(a, isOs, insideImage) {
    if (isOs)
        return '';
    const p = a.locations.find((l) => l.path)?.path ?? '';
    return insideImage ? p.replace(/^\/+/, '') : p;
}
/** A matched artifact as a package on the asset. */
export function packageOf(assetUid, a, id, path) {
    const upstream = a.upstreams[0];
    const sourceName = upstream?.name || a.metadata?.Source || null;
    return {
        assetUid,
        purl: id.purl,
        ecosystem: id.ecosystem,
        name: id.name,
        version: a.version,
        sourceName,
        sourceVersion: sourceName ? upstream?.version || a.metadata?.SourceVersion || null : null,
        layerDigest: a.locations.find((l) => l.layerID)?.layerID ?? null,
        path,
        licenses: a.licenses,
    };
}
//# sourceMappingURL=artifact.js.map