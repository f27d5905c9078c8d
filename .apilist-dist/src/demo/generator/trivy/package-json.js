import { digestFor } from '../random.js';
import { MAINTAINERS } from './os-catalog.js';
/** purl versions escape what is not unreserved; '+' becomes %2B as in Trivy's output. */
const purlVersion = (v) => encodeURIComponent(v);
const layerRef = (layer) => ({ Digest: layer.digest, DiffID: layer.diffId });
/** Trivy's UID is a hash of the package and where it was found: the same package in a shared layer has the same UID. */
const uidOf = (seed, layer, id) => digestFor(seed, 'uid', layer.diffId, id).slice(0, 16);
function parseDeb(full) {
    const colon = full.indexOf(':');
    const epoch = colon > 0 ? Number(full.slice(0, colon)) : 0;
    const rest = colon > 0 ? full.slice(colon + 1) : full;
    const dash = rest.lastIndexOf('-');
    return dash > 0 ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) } : { epoch, upstream: rest, revision: '' };
}
const formatDeb = (v, withEpoch = true) => `${withEpoch && v.epoch ? `${v.epoch}:` : ''}${v.upstream}${v.revision ? `-${v.revision}` : ''}`;
export function osPackage(seed, family, osName, p) {
    const layer = layerRef(p.layer);
    const license = p.source.license;
    if (family === 'alpine') {
        const id = `${p.bin}@${p.version}`;
        const purl = `pkg:apk/alpine/${p.bin}@${purlVersion(p.version)}?arch=x86_64&distro=${osName}`;
        const uid = uidOf(seed, p.layer, id);
        return {
            json: { ID: id, Name: p.bin, Identifier: { PURL: purl, UID: uid }, Version: p.version, Arch: 'x86_64', SrcName: p.source.src, SrcVersion: p.version, Licenses: [license], Maintainer: MAINTAINERS.alpine, Layer: layer },
            identity: { id, name: p.bin, purl, uid, installed: p.version, path: null },
        };
    }
    const src = parseDeb(p.version);
    const suffix = p.source.binSuffix ?? '';
    const bin = {
        epoch: p.source.binEpoch?.[p.bin] ?? src.epoch,
        upstream: src.revision ? src.upstream : `${src.upstream}${suffix}`,
        revision: src.revision ? `${src.revision}${suffix}` : '',
    };
    const installed = formatDeb(bin);
    const id = `${p.bin}@${installed}`;
    const arch = p.source.archAll?.includes(p.bin) ? 'all' : 'amd64';
    const purl = `pkg:deb/debian/${p.bin}@${purlVersion(formatDeb(bin, false))}?arch=${arch}&distro=debian-${osName}${bin.epoch ? `&epoch=${bin.epoch}` : ''}`;
    const uid = uidOf(seed, p.layer, id);
    return {
        json: {
            ID: id,
            Name: p.bin,
            Identifier: { PURL: purl, UID: uid },
            Version: bin.upstream,
            ...(bin.revision ? { Release: bin.revision } : {}),
            ...(bin.epoch ? { Epoch: bin.epoch } : {}),
            Arch: arch,
            SrcName: p.source.src,
            SrcVersion: src.upstream,
            ...(src.revision ? { SrcRelease: src.revision } : {}),
            ...(src.epoch ? { SrcEpoch: src.epoch } : {}),
            Licenses: [license],
            Maintainer: MAINTAINERS.debian,
            Layer: layer,
        },
        identity: { id, name: p.bin, purl, uid, installed, path: null },
    };
}
export const JAR_PATH = 'app/app.jar';
export function langPackage(seed, ecosystem, p) {
    const { name } = p.pkg;
    const version = p.version;
    const layer = layerRef(p.layer);
    switch (ecosystem) {
        case 'npm': {
            const id = `${name}@${version}`;
            const purl = name.startsWith('@') ? `pkg:npm/%40${name.slice(1)}@${purlVersion(version)}` : `pkg:npm/${name}@${purlVersion(version)}`;
            const uid = uidOf(seed, p.layer, id);
            return {
                json: { ID: id, Name: name, Identifier: { PURL: purl, UID: uid }, Version: version, Relationship: p.pkg.indirect ? 'indirect' : 'direct', Layer: layer },
                identity: { id, name, purl, uid, installed: version, path: null },
            };
        }
        case 'pip': {
            const purl = `pkg:pypi/${name.toLowerCase().replace(/_/g, '-')}@${purlVersion(version)}`;
            const uid = uidOf(seed, p.layer, `${name}@${version}`);
            return { json: { Name: name, Identifier: { PURL: purl, UID: uid }, Version: version, Layer: layer }, identity: { id: null, name, purl, uid, installed: version, path: null } };
        }
        case 'jar': {
            const [group, artifact] = name.split(':');
            const id = `${name}:${version}`;
            const purl = `pkg:maven/${group}/${artifact}@${purlVersion(version)}`;
            const uid = uidOf(seed, p.layer, id);
            return {
                json: { ID: id, Name: name, Identifier: { PURL: purl, UID: uid }, Version: version, FilePath: JAR_PATH, Layer: layer },
                identity: { id, name, purl, uid, installed: version, path: JAR_PATH },
            };
        }
        case 'gobinary': {
            const id = `${name}@${version}`;
            const purl = `pkg:golang/${name}@${purlVersion(version)}`;
            const uid = uidOf(seed, p.layer, id);
            return {
                json: { ID: id, Name: name, Identifier: { PURL: purl, UID: uid }, Version: version, Relationship: p.pkg.indirect ? 'indirect' : 'direct', Layer: layer },
                identity: { id, name, purl, uid, installed: version, path: null },
            };
        }
    }
}
//# sourceMappingURL=package-json.js.map