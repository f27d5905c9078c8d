import { describeRelease, installedRelease, isDistro, matchOnOf } from './distro.js';
import { ecosystemBase, packageKey } from './package-names.js';
import { go, inRange, nuget, pub, schemeFor, semver } from './versions/index.js';
const emptyStats = () => ({ packages: 0, matches: 0, undecided: 0, noRelease: 0 });
/** SEMVER ranges use SemVer order; the dialects of Go, NuGet and Pub read their own spellings (as compileAffected). */
function rangeScheme(ecosystem, type) {
    const s = schemeFor(ecosystem);
    if (type === 'ECOSYSTEM')
        return s;
    if (type === 'SEMVER')
        return s === go || s === nuget || s === pub ? s : semver;
    return undefined;
}
const eventVersion = (e) => e.introduced ?? e.fixed ?? e.last_affected;
/** The introduced→fixed pair of a range that contains `v`, as `>=a, <b` (`<=b` for last_affected). */
function describePair(scheme, events, v) {
    const sorted = events
        .filter((e) => eventVersion(e) !== undefined)
        .sort((a, b) => {
        if (a.introduced === '0' || b.introduced === '0')
            return a.introduced === '0' ? -1 : 1;
        return scheme.compare(eventVersion(a), eventVersion(b));
    });
    let from;
    let to;
    for (const e of sorted) {
        const at = eventVersion(e);
        if (e.introduced !== undefined) {
            if (e.introduced === '0' || scheme.compare(v, at) >= 0) {
                from = at;
                to = undefined;
            }
            else
                break;
        }
        else if (from !== undefined && to === undefined) {
            to = e.fixed !== undefined ? `<${at}` : `<=${at}`;
            if (e.fixed !== undefined ? scheme.compare(v, at) < 0 : scheme.compare(v, at) <= 0)
                break;
        }
    }
    return [`>=${from ?? '0'}`, to].filter(Boolean).join(', ');
}
/** What the entry says about the version beyond "affected": which ranges contain it, which versions fix it. */
function explain(entry, version) {
    const ranges = [];
    const fixed = [];
    if (entry.affected.versions?.includes(version))
        ranges.push('listed');
    for (const r of entry.affected.ranges ?? []) {
        const scheme = rangeScheme(entry.ecosystem, r.type);
        if (!scheme)
            continue;
        const events = r.events;
        for (const e of events)
            if (e.fixed !== undefined && scheme.compare(e.fixed, version) > 0)
                fixed.push({ scheme, v: e.fixed });
        if (scheme.isValid(version) && inRange(scheme, version, events))
            ranges.push(describePair(scheme, events, version));
    }
    if (ranges.length === 0)
        ranges.push('listed');
    const scheme = fixed[0]?.scheme;
    const fixedVersions = [...new Set(fixed.map((f) => f.v))];
    if (scheme)
        fixedVersions.sort((a, b) => scheme.compare(a, b));
    return { ranges: [...new Set(ranges)], fixed: fixedVersions };
}
function verdictsOf(entries, release, version) {
    let undecided = 0;
    let hits;
    for (const entry of entries) {
        if (entry.release !== release)
            continue;
        const verdict = entry.test(version);
        if (verdict === undefined)
            undecided++;
        if (verdict !== true)
            continue;
        hits ??= new Map();
        const list = hits.get(entry.advisory);
        if (list)
            list.push(entry);
        else
            hits.set(entry.advisory, [entry]);
    }
    const verdicts = [];
    for (const [advisory, matched] of hits ?? []) {
        const ranges = [];
        const fixed = [];
        for (const entry of matched) {
            const x = explain(entry, version);
            ranges.push(...x.ranges);
            fixed.push(...x.fixed.filter((f) => !fixed.includes(f)));
        }
        verdicts.push({ advisory, ranges: [...new Set(ranges)], fixedVersions: fixed });
    }
    return { verdicts, undecided };
}
/**
 * Every advisory affecting an installed package. Distro packages are looked up under their release
 * (`Debian:12` records only for a Debian 12 package) and, where the distro's advisories name source
 * packages (Debian, Ubuntu, Alpine), under the source package name with the source version.
 *
 * An estate installs the same (name, version) on many assets (one base image under hundreds of
 * services), so verdicts are memoized per (name, release, version): the ranges are evaluated once.
 */
export class PackageMatcher {
    index;
    memoLimit;
    stats = emptyStats();
    memo = new Map();
    constructor(index, memoLimit = 200_000) {
        this.index = index;
        this.memoLimit = memoLimit;
    }
    match(pkg, os) {
        const stats = this.stats;
        stats.packages++;
        const base = ecosystemBase(pkg.ecosystem);
        const distro = isDistro(base);
        const bySource = distro && matchOnOf(base) === 'source' && !!pkg.sourceName;
        const name = bySource ? pkg.sourceName : pkg.name;
        const version = bySource ? (pkg.sourceVersion || pkg.version) : pkg.version;
        const key = packageKey(base, name);
        const entries = this.index.lookup(key);
        if (!entries)
            return [];
        const release = distro ? installedRelease(base, pkg.purl, os) : '';
        if (release === undefined) {
            stats.noRelease++;
            return [];
        }
        const memoKey = `${key}\u0000${release}\u0000${version}`;
        let memo = this.memo.get(memoKey);
        if (!memo) {
            memo = verdictsOf(entries, release, version);
            if (this.memo.size >= this.memoLimit)
                this.memo.clear();
            this.memo.set(memoKey, memo);
        }
        stats.undecided += memo.undecided;
        if (memo.verdicts.length === 0)
            return [];
        stats.matches += memo.verdicts.length;
        const matchedOn = bySource ? 'source name' : 'name';
        const distroName = distro ? describeRelease(pkg.ecosystem, release) : null;
        return memo.verdicts.map((v) => ({
            pkg, advisory: v.advisory, matchedOn, matchedName: name, comparedVersion: version, distro: distroName,
            ranges: v.ranges, fixedVersions: v.fixedVersions,
        }));
    }
}
//# sourceMappingURL=match.js.map