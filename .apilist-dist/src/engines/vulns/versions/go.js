/**
 * Go module versions: SemVer with a 'v' prefix (optional here: OSV ranges omit it), '+incompatible'
 * (build metadata, so v2.0.0+incompatible == v2.0.0), and pseudo-versions, which are ordinary
 * prereleases whose timestamp identifiers already sort chronologically
 * (v1.2.4-0.20191109021931-daa7c04131f5 < v1.2.4). Toolchain names of the standard library
 * ("go1.21.3", "go1.22rc1") are mapped onto the SemVer form the Go vulndb uses ("1.21.3", "1.22.0-rc.1").
 */
import { compareSemverParts, parseSemverParts } from './semver.js';
import { defineScheme } from './scheme.js';
const TOOLCHAIN = /^go(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?$/;
/** 'go1.21rc2' → '1.21.0-rc.2'; anything else unchanged. */
export function fromGoToolchain(v) {
    const m = TOOLCHAIN.exec(v.trim());
    if (!m)
        return v;
    const core = `${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}`;
    return m[4] ? `${core}-${m[4]}.${m[5] ?? '0'}` : core;
}
const PSEUDO = /^v?\d+\.\d+\.\d+-(?:(?:0\.)|(?:[0-9A-Za-z.-]+\.0\.))?\d{14}-[0-9a-f]{12}(?:\+incompatible)?$/;
/** Whether `v` is a Go pseudo-version (a commit, not a tag): vX.0.0-yyyymmddhhmmss-abcdefabcdef and its two variants. */
export function isGoPseudoVersion(v) {
    return PSEUDO.test(v.trim());
}
const NUM = '(?:0|[1-9]\\d*)';
const PRE_ID = `(?:${NUM}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const GO_SEMVER = new RegExp(`^v?${NUM}(?:\\.${NUM}(?:\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?$`);
/** golang.org/x/mod/semver validity, except that the 'v' is optional; shorthand v1 / v1.2 allowed as there. */
function isValidGo(v) {
    return GO_SEMVER.test(fromGoToolchain(v.trim()));
}
export const go = defineScheme('go', (v) => parseSemverParts(fromGoToolchain(v), 3), compareSemverParts, isValidGo);
//# sourceMappingURL=go.js.map