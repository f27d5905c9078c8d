import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
/**
 * Test support: Trivy's integration fixture database (trivy-golden/fixtures/db/*.yaml) as OSV records, for
 * the language buckets (`npm::GitHub Security Advisory Npm`). Each VulnerableVersions constraint
 * (`< 3.0.0`, `>= 2.39.0, < 2.39.1`, `<= 1.6.14`) becomes one OSV range. The files are a regular YAML subset
 * (nested `bucket`/`pairs`/`key`/`value` lists), read line by line rather than with a YAML library.
 */
/** Trivy's bucket prefixes → OSV ecosystems. */
const ECOSYSTEMS = {
    npm: 'npm', pip: 'PyPI', nuget: 'NuGet', composer: 'Packagist', erlang: 'Hex', pub: 'Pub', swift: 'SwiftURL',
    conan: 'ConanCenter', rubygems: 'RubyGems', cargo: 'crates.io', maven: 'Maven', go: 'Go', cocoapods: 'CocoaPods',
};
/** A Maven interval, `[2.9.0,2.9.10.7)` or `(,1.2]`, as OSV events (an exclusive lower bound is not expressible). */
function intervalEvents(constraint) {
    const m = /^\[([^,]*),([^\])]*)([\])])$/.exec(constraint.replace(/\s+/g, '')) ?? /^\((),([^\])]*)([\])])$/.exec(constraint.replace(/\s+/g, ''));
    if (!m)
        throw new Error(`unsupported interval ${JSON.stringify(constraint)}`);
    const [, lo, hi, close] = m;
    const events = [{ introduced: lo || '0' }];
    if (hi)
        events.push(close === ')' ? { fixed: hi } : { last_affected: hi });
    return events;
}
/** One constraint (`>= 2.39.0, < 2.39.1`) as OSV events; an exact `= x` as a listed version. */
export function constraintEvents(constraint) {
    if (/^[[(]/.test(constraint.trim()))
        return { events: intervalEvents(constraint), versions: [] };
    const events = [];
    const versions = [];
    let lower = false;
    for (const part of constraint.split(',').map((p) => p.trim()).filter(Boolean)) {
        const m = /^(>=|<=|<|=|==)\s*(\S+)$/.exec(part);
        if (!m)
            throw new Error(`unsupported constraint ${JSON.stringify(part)} in ${JSON.stringify(constraint)}`);
        const [, op, v] = m;
        if (op === '>=') {
            events.push({ introduced: v });
            lower = true;
        }
        else if (op === '<')
            events.push({ fixed: v });
        else if (op === '<=')
            events.push({ last_affected: v });
        else
            versions.push(v);
    }
    if (!lower && events.length)
        events.unshift({ introduced: '0' });
    return { events, versions };
}
const unquote = (s) => s.trim().replace(/^"(.*)"$/, '$1');
function parseFile(text) {
    const out = [];
    let ecosystem;
    let name;
    let current;
    let inVulnerable = false;
    for (const line of text.split('\n')) {
        const top = /^- bucket: (.+)$/.exec(line);
        if (top) {
            const prefix = unquote(top[1]).split('::')[0];
            ecosystem = unquote(top[1]).includes('::') ? ECOSYSTEMS[prefix] : undefined;
            continue;
        }
        if (!ecosystem)
            continue;
        const pkg = /^ {4}- bucket: (.+)$/.exec(line);
        if (pkg) {
            name = unquote(pkg[1]);
            continue;
        }
        const key = /^ {8}- key: (\S+)$/.exec(line);
        if (key && name) {
            current = { ecosystem, name, id: unquote(key[1]), vulnerable: [] };
            out.push(current);
            inVulnerable = false;
            continue;
        }
        const field = /^ {12}(\w+):/.exec(line);
        if (field) {
            inVulnerable = field[1] === 'VulnerableVersions';
            continue;
        }
        const item = /^ {14}- (.+)$/.exec(line);
        if (item && inVulnerable && current)
            current.vulnerable.push(unquote(item[1]));
    }
    return out;
}
/** Every language advisory of the fixture database, one OSV record per (id, package). */
export function trivyFixtureAdvisories(dir) {
    const byId = new Map();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
        for (const p of parseFile(readFileSync(join(dir, file), 'utf8'))) {
            const ranges = p.vulnerable.map(constraintEvents);
            const entry = {
                package: { ecosystem: p.ecosystem, name: p.name },
                ranges: ranges.filter((r) => r.events.length).map((r) => ({ type: 'ECOSYSTEM', events: r.events })),
                versions: ranges.flatMap((r) => r.versions),
            };
            const rec = byId.get(p.id) ?? { id: p.id, affected: [] };
            rec.affected.push(entry);
            byId.set(p.id, rec);
        }
    }
    return [...byId.values()];
}
//# sourceMappingURL=trivy-fixture-db.js.map