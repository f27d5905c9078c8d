/**
 * Distribution releases: OSV names a distro advisory's ecosystem with its release (`Debian:12`,
 * `Alpine:v3.19`, `Ubuntu:22.04:LTS`, `AlmaLinux:8`, `Red Hat:enterprise_linux:9::appstream`), while an
 * installed package knows its release from its purl's `distro` qualifier (`debian-12.5`, `3.19.1`,
 * `alma-8.5`) or the image's detected OS. Both sides are reduced to one release key per family.
 */
const DEBIAN_CODENAMES = {
    buster: '10', bullseye: '11', bookworm: '12', trixie: '13', forky: '14',
};
const major = (v) => /^(\d+)/.exec(v.trim())?.[1];
const majorMinor = (v) => {
    const m = /^(\d+)\.(\d+)/.exec(v.trim());
    return m ? `${m[1]}.${m[2]}` : undefined;
};
const lower = (v) => v.trim().toLowerCase() || undefined;
function debianRelease(version) {
    const v = version.trim().toLowerCase();
    return major(v) ?? DEBIAN_CODENAMES[v.split('/')[0] ?? ''];
}
function alpineRelease(version) {
    const v = version.trim().toLowerCase().replace(/^v/, '');
    if (v === 'edge')
        return 'edge';
    const mm = majorMinor(v);
    return mm ? `v${mm}` : undefined;
}
/** SUSE: `sles` 15.5 ↔ `SUSE:Linux Enterprise Server 15 SP5`, `slem` 5.4 ↔ `SUSE:Linux Enterprise Micro 5.4`. */
function suseInstalled(version, osFamily) {
    const m = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
    if (!m)
        return undefined;
    const fam = osFamily.toLowerCase();
    if (fam === 'slem' || fam.includes('micro'))
        return `linux enterprise micro ${m[1]}.${m[2] ?? '0'}`;
    return `linux enterprise server ${m[1]}${m[2] && m[2] !== '0' ? ` sp${m[2]}` : ''}`;
}
/** openSUSE: `opensuse-leap` 15.5 ↔ `openSUSE:Leap 15.5`; Tumbleweed is rolling, one release. */
function openSuseInstalled(version, osFamily) {
    if (osFamily.toLowerCase().includes('tumbleweed'))
        return 'tumbleweed';
    const mm = majorMinor(version);
    return mm ? `leap ${mm}` : undefined;
}
const rolling = () => '';
const FAMILIES = new Map([
    ['debian', { matchOn: 'source', installed: debianRelease, advisory: (s) => debianRelease(s) }],
    // `Ubuntu:22.04:LTS` and `Ubuntu:23.10`; `Ubuntu:Pro:...` fixes reach subscribers only, not images.
    ['ubuntu', { matchOn: 'source', installed: majorMinor, advisory: (s) => (/^\d+\.\d+(?::|$)/.test(s) ? majorMinor(s) : undefined) }],
    ['alpine', { matchOn: 'source', installed: alpineRelease, advisory: alpineRelease }],
    ['wolfi', { matchOn: 'source', installed: rolling, advisory: rolling }],
    ['chainguard', { matchOn: 'source', installed: rolling, advisory: rolling }],
    ['minimos', { matchOn: 'source', installed: rolling, advisory: rolling }],
    ['almalinux', { matchOn: 'binary', installed: major, advisory: major }],
    ['rocky linux', { matchOn: 'binary', installed: major, advisory: major }],
    ['centos', { matchOn: 'binary', installed: major, advisory: major }],
    ['oracle linux', { matchOn: 'binary', installed: major, advisory: major }],
    ['amazon linux', { matchOn: 'binary', installed: major, advisory: major }],
    // Only RHEL proper (`enterprise_linux:9::appstream`); EUS, AUS and layered products have their own streams.
    ['red hat', { matchOn: 'binary', installed: major, advisory: (s) => /^enterprise_linux:(\d+)(?::|$)/.exec(s)?.[1] }],
    ['suse', { matchOn: 'binary', installed: suseInstalled, advisory: lower }],
    ['opensuse', { matchOn: 'binary', installed: openSuseInstalled, advisory: lower }],
    ['photon os', { matchOn: 'binary', installed: majorMinor, advisory: majorMinor }],
    ['azure linux', { matchOn: 'binary', installed: majorMinor, advisory: majorMinor }],
    ['cbl-mariner', { matchOn: 'binary', installed: majorMinor, advisory: majorMinor }],
    ['mageia', { matchOn: 'binary', installed: major, advisory: major }],
    ['openeuler', { matchOn: 'binary', installed: lower, advisory: lower }],
]);
/** True for an operating-system ecosystem base (`debian`, `red hat`): its advisories are per release. */
export function isDistro(base) {
    return FAMILIES.has(base);
}
export function matchOnOf(base) {
    return FAMILIES.get(base)?.matchOn ?? 'binary';
}
/**
 * The release an advisory ecosystem names: '' for a release-less ecosystem (npm, Wolfi), the family's
 * release key for a distro, undefined for a distro stream we do not match (Ubuntu Pro, RHEL EUS).
 */
export function advisoryRelease(ecosystem) {
    const i = ecosystem.indexOf(':');
    const base = (i < 0 ? ecosystem : ecosystem.slice(0, i)).trim().toLowerCase();
    const family = FAMILIES.get(base);
    if (!family)
        return '';
    if (i < 0)
        return family.advisory('') === '' ? '' : undefined;
    return family.advisory(ecosystem.slice(i + 1).trim());
}
/** The `distro` qualifier of a purl, decoded: `debian-12.5`, `3.19.1`, `alma-8.5`. */
export function distroQualifier(purl) {
    const m = /[?&]distro=([^&#]+)/.exec(purl);
    if (!m)
        return undefined;
    try {
        return decodeURIComponent(m[1]);
    }
    catch {
        return m[1];
    }
}
/**
 * The release key of an installed distro package, from its purl's `distro` qualifier (`<family>-<version>`,
 * or the bare version Trivy writes for apk) or else the asset's detected OS; undefined when neither says.
 */
export function installedRelease(base, purl, os) {
    const family = FAMILIES.get(base);
    if (!family)
        return '';
    const qualifier = distroQualifier(purl);
    if (qualifier) {
        const m = /^(.*?)-?(\d.*|edge)$/i.exec(qualifier.trim());
        const release = m ? family.installed(m[2], m[1] || (os?.family ?? '')) : undefined;
        if (release !== undefined)
            return release;
    }
    if (os?.name)
        return family.installed(os.name, os.family ?? '');
    return undefined;
}
/** How a distro release reads in evidence: `Debian:12`, `Alpine:v3.19`. */
export function describeRelease(ecosystem, release) {
    if (release === undefined)
        return null;
    return release === '' ? ecosystem : `${ecosystem}:${release}`;
}
//# sourceMappingURL=distro.js.map