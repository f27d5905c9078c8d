import { isoZ } from '../time.js';
import { langPackage, osPackage } from './package-json.js';
import { affecting, vulnerabilityJson } from './vulnerabilities.js';
export const TRIVY_VERSION = '0.58.1';
// Code-unit order, not localeCompare: the bytes must not depend on the machine's locale.
const cmp = (a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
const byName = (a, b) => cmp(a.Name, b.Name) || cmp(a.Version, b.Version);
const byPackage = (a, b) => cmp(a.PkgName, b.PkgName) || cmp(a.InstalledVersion, b.InstalledVersion) || cmp(a.VulnerabilityID, b.VulnerabilityID);
function historyJson(history) {
    return history.map((step) => 'layer' in step
        ? { created: isoZ(step.layer.createdMs), created_by: step.layer.createdBy, comment: 'buildkit.dockerfile.v0' }
        : { created: isoZ(step.empty.createdMs), created_by: step.empty.createdBy, comment: 'buildkit.dockerfile.v0', empty_layer: true });
}
export function renderReport(org, image, scannedMs) {
    const { base } = image;
    const cves = new Set();
    const osPackages = [];
    const osVulns = [];
    for (const p of base.os) {
        const { json, identity } = osPackage(org.seed, base.family, base.osName, p);
        osPackages.push(json);
        for (const affect of affecting(base.family, p.source.src, p.source.versions, p.version)) {
            osVulns.push(vulnerabilityJson(org.seed, base.family, affect, identity, p.layer));
            cves.add(affect.cve);
        }
    }
    const results = [
        {
            Target: `${image.ref} (${base.family} ${base.osName})`,
            Class: 'os-pkgs',
            Type: base.family,
            Packages: osPackages.sort(byName),
            ...(osVulns.length > 0 ? { Vulnerabilities: osVulns.sort(byPackage) } : {}),
        },
    ];
    let packages = osPackages.length;
    let vulnerabilities = osVulns.length;
    if (image.lang) {
        const { ecosystem, target } = image.lang;
        const langPackages = [];
        const langVulns = [];
        for (const p of image.lang.packages) {
            const { json, identity } = langPackage(org.seed, ecosystem, p);
            langPackages.push(json);
            for (const affect of affecting(ecosystem, p.pkg.name, p.pkg.versions, p.version)) {
                langVulns.push(vulnerabilityJson(org.seed, ecosystem, affect, identity, p.layer));
                cves.add(affect.cve);
            }
        }
        results.push({
            Target: target,
            Class: 'lang-pkgs',
            Type: ecosystem,
            Packages: langPackages.sort(byName),
            ...(langVulns.length > 0 ? { Vulnerabilities: langVulns.sort(byPackage) } : {}),
        });
        packages += langPackages.length;
        vulnerabilities += langVulns.length;
    }
    const diffIds = image.layers.map((l) => l.diffId);
    const config = {
        Cmd: image.cmd,
        Env: image.env,
        Labels: image.labels,
        ...(image.user ? { User: image.user } : {}),
        ...(image.workingDir ? { WorkingDir: image.workingDir } : {}),
        ...(image.lang ? { ExposedPorts: { '8080/tcp': {} } } : {}),
    };
    const json = {
        SchemaVersion: 2,
        Trivy: { Version: TRIVY_VERSION },
        CreatedAt: isoZ(scannedMs),
        ArtifactName: image.ref,
        ArtifactType: 'container_image',
        Metadata: {
            Size: image.layers.reduce((sum, l) => sum + l.size, 0),
            OS: { Family: base.family, Name: base.osName },
            ImageID: image.imageId,
            DiffIDs: diffIds,
            RepoTags: image.tags,
            RepoDigests: [image.repoDigest],
            ImageConfig: {
                architecture: 'amd64',
                created: isoZ(image.createdMs),
                history: historyJson(image.history),
                os: 'linux',
                rootfs: { type: 'layers', diff_ids: diffIds },
                config,
            },
            Layers: image.layers.map((l) => ({ Size: l.size, Digest: l.digest, DiffID: l.diffId })),
        },
        Results: results,
    };
    return { json, packages, vulnerabilities, cves };
}
//# sourceMappingURL=report.js.map