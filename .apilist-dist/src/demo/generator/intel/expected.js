import { DEMO_ADVISORIES } from './advisories.js';
/**
 * The answer key for the demo's matcher findings on product images: which package of which image each
 * OSV advisory affects, who owns the finding, and which base build a rebuild would fix it on. Decided
 * with the catalog's version order, the same way the Trivy reports were generated.
 */
/** Affected when installed before the first fixing version in the catalog's (oldest first) list. */
function affects(a, versions, installed) {
    if (a.firstFixed === null)
        return true;
    const fix = versions.indexOf(a.firstFixed);
    if (fix < 0)
        throw new Error(`demo advisory ${a.id}: ${a.firstFixed} is not a catalog version of ${a.pkg}`);
    return versions.indexOf(installed) < fix;
}
/** OS packages (binary name) of a base build that one advisory affects. */
function affectedOs(build, a) {
    const out = new Set();
    if (a.ecosystem !== build.family)
        return out;
    for (const p of build.os)
        if (p.source.src === a.pkg && affects(a, p.source.versions, p.version))
            out.add(p.bin);
    return out;
}
/**
 * Every advisory hit on one product image: OS packages came with the base image (the platform team's),
 * application packages are the service team's. A base build of the same repository that installs a fixed
 * version is what to rebuild on.
 */
export function expectedVulnerabilities(image, team, bases) {
    const out = [];
    const others = [...bases.values()].filter((b) => b.key === image.base.key && b !== image.base);
    for (const a of DEMO_ADVISORIES) {
        for (const bin of affectedOs(image.base, a)) {
            const fixedOn = others.filter((b) => !affectedOs(b, a).has(bin)).map((b) => b.ref).sort();
            out.push({ image: image.ref, package: bin, advisory: a.cve, fresh: a.fresh, owner: 'platform', inherited: true, rebuildOn: fixedOn[0] ?? null });
        }
        if (image.lang && image.lang.ecosystem === a.ecosystem) {
            for (const p of image.lang.packages) {
                if (p.pkg.name !== a.pkg || !affects(a, p.pkg.versions, p.version))
                    continue;
                out.push({ image: image.ref, package: p.pkg.name, advisory: a.cve, fresh: a.fresh, owner: team, inherited: false, rebuildOn: null });
            }
        }
    }
    return out;
}
//# sourceMappingURL=expected.js.map