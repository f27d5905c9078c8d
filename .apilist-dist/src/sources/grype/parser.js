import { parseUntrustedJson } from '../json.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { artifactIdentity, artifactPath, packageOf } from './artifact.js';
import { matchSighting } from './matches.js';
import { GrypeEnvelope, GrypeMatch } from './schema.js';
import { looksLikeGrypeJson } from './sniff.js';
import { scannedSource } from './source.js';
const TYPE = 'grype-json';
async function* parseReport(file, options = {}) {
    const where = file.name;
    const report = validateAt(GrypeEnvelope, parseUntrustedJson(await file.text(), where), where, 'Grype report');
    const source = scannedSource(report, where, file.name);
    const asset = withSubject(source.asset, options.subject);
    const assetUid = asset.uid;
    // One tool's report over one asset is one scope: a newer Grype report of it resolves what is gone.
    const scope = `${TYPE}:${assetUid}`;
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    yield* source.related(assetUid, scope);
    // Grype lists no inventory in this format: the matched artifacts are the packages it tells us about.
    const packages = new Set();
    const vulns = new FindingSet(finalizePackageVuln);
    for (const [i, raw] of report.matches.entries()) {
        const m = validateAt(GrypeMatch, raw, where, 'Grype report', `matches[${i}]`);
        const id = artifactIdentity(m.artifact, report.distro);
        const path = artifactPath(m.artifact, id.isOs, source.insideImage);
        const key = `${id.purl}\u0000${path}`;
        if (!packages.has(key)) {
            packages.add(key);
            yield { type: 'package', scope, package: packageOf(assetUid, m.artifact, id, path) };
        }
        vulns.add(matchSighting(assetUid, m, id, path));
    }
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
}
/** Grype's JSON report (`grype <image|dir:|file:|sbom:> -o json`). */
export const grypeJson = {
    id: TYPE,
    type: TYPE,
    version: 1,
    accepts: (file) => looksLikeGrypeJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map