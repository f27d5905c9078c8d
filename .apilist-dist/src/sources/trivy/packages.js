import { ecosystemOf, isOsFamily } from './ecosystem.js';
import { purlOf } from './purl.js';
/** Trivy's own spelling of a distro version: `epoch:version-release`, each part only when present. */
export function formatVersion(epoch, version, release) {
    let v = version ?? '';
    if (release)
        v = `${v}-${release}`;
    if (epoch)
        v = `${epoch}:${v}`;
    return v;
}
/** OS packages: the result's class says so; reports without a class are told by their type. */
export function isOsResult(result) {
    return result.Class ? result.Class === 'os-pkgs' : isOsFamily(result.Type);
}
/**
 * One listed package on the artifact. Its path is '' for OS packages; for language packages the file it
 * came from: the package's own FilePath (a jar or egg inside an image, where the result's Target is only
 * "Java" or "Python"), else the result's Target (the lockfile).
 */
export function packageOf(ctx, result, pkg) {
    const version = formatVersion(pkg.Epoch, pkg.Version, pkg.Release);
    const purl = purlOf(pkg.Identifier?.PURL, {
        resultType: result.Type,
        os: ctx.os,
        name: pkg.Name,
        version: formatVersion(null, pkg.Version, pkg.Release),
        epoch: pkg.Epoch,
        arch: pkg.Arch,
    });
    return {
        assetUid: ctx.assetUid,
        purl,
        ecosystem: ecosystemOf(result.Type, purl),
        name: pkg.Name,
        version,
        sourceName: pkg.SrcName || null,
        sourceVersion: pkg.SrcName && pkg.SrcVersion ? formatVersion(pkg.SrcEpoch, pkg.SrcVersion, pkg.SrcRelease) : null,
        layerDigest: pkg.Layer?.DiffID || pkg.Layer?.Digest || null,
        path: isOsResult(result) ? '' : pkg.FilePath || result.Target,
        licenses: pkg.Licenses,
    };
}
//# sourceMappingURL=packages.js.map