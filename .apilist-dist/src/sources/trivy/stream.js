import { MothershipError, badInput } from '../../model/errors.js';
import { JsonScanner, scanStream } from '../json-stream.js';
import { artifactOf } from './artifact.js';
import { packagesScope } from './context.js';
import { FindingSet } from './finding-set.js';
import { misconfigSighting } from './misconfigs.js';
import { packageOf } from './packages.js';
import { TrivyEnvelope, TrivyMisconfiguration, TrivyPackage, TrivyResult, TrivySecret, TrivyVulnerability, TrivyVulnerabilityKey, validate } from './schema.js';
import { secretSighting } from './secrets.js';
import { finalizeVuln, vulnKey, vulnSighting } from './vulnerabilities.js';
/**
 * A Trivy report too large to parse whole, read in two streaming passes over the file:
 *
 * 1. the envelope (artifact asset, coverage) and the packages are emitted as they are read; every
 *    element is validated (of a vulnerability, only the fields its fingerprint is made from: the second
 *    pass validates it whole); sightings are only counted per fingerprint;
 * 2. the findings: a fingerprint sighted once (nearly all) is emitted at once, one sighted several times
 *    (the same CVE in two lockfiles) is held until its last sighting and emitted merged.
 *
 * Memory is bounded by the largest single element (MAX_VALUE_BYTES), plus per distinct finding one count
 * (~50 bytes: a numeric key and a number), per distinct package its key (~150 bytes, also held by the
 * whole-file path), and the findings still waiting for a later sighting. The records are the ones the
 * whole-file path makes; findings come in a different order (when their last sighting is read).
 *
 * Trivy writes SchemaVersion, ArtifactName, ArtifactType and Metadata before Results, and a result's
 * Target, Class and Type before its lists. A file that does not is refused with a message saying so: the
 * artifact and the result must be known when their packages and findings stream by.
 */
const LISTS = ['Packages', 'Vulnerabilities', 'Misconfigurations', 'Secrets'];
const isList = (key) => LISTS.includes(key);
const ENVELOPE_KEYS = new Set(['SchemaVersion', 'ArtifactName', 'ArtifactType', 'Metadata']);
const HEADER_KEYS = new Set(['Target', 'Class', 'Type']);
/** A compact key for counting: our fingerprints are hex, and 52 bits of them tell findings apart. */
function countKey(fingerprint) {
    const n = fingerprint.length >= 13 ? Number.parseInt(fingerprint.slice(0, 13), 16) : NaN;
    return Number.isSafeInteger(n) && /^[0-9a-f]{13}/.test(fingerprint) ? n : fingerprint;
}
class ReportVisitor {
    where;
    options;
    pass;
    out = [];
    envelope = {};
    first;
    resultsStarted = false;
    header = {};
    result;
    seenPackages = new Set();
    vulns = new FindingSet(finalizeVuln);
    others = new FindingSet();
    constructor(where, options, pass, first) {
        this.where = where;
        this.options = options;
        this.pass = pass;
        this.first = first;
    }
    drain = () => {
        const out = this.out;
        this.out = [];
        return out;
    };
    visit(path, kind) {
        const depth = path.length;
        if (depth === 0)
            return kind === 'object' ? 'descend' : 'value';
        if (path[0] === 'Results') {
            if (depth === 1)
                return kind === 'array' ? 'descend' : 'value';
            if (depth === 2)
                return kind === 'object' ? 'descend' : 'value';
            if (depth === 3 && isList(path[2]) && kind === 'array')
                return this.pass === 2 && path[2] === 'Packages' ? 'skip' : 'descend';
            if (depth === 4 && isList(path[2]))
                return 'value';
        }
        if (this.pass === 2)
            return 'skip';
        // What is not read is still checked: arrays element by element (bounded), the rest whole.
        return depth === 1 && ENVELOPE_KEYS.has(path[0]) ? 'value' : kind === 'array' ? 'descend' : 'value';
    }
    enter(path) {
        if (path.length === 1 && path[0] === 'Results')
            this.startResults();
        else if (path.length === 2 && path[0] === 'Results') {
            this.header = {};
            this.result = undefined;
        }
        else if (path.length === 3 && path[0] === 'Results' && isList(path[2]))
            this.resultHeader(path[1]);
    }
    leave(path) {
        if (path.length === 2 && path[0] === 'Results')
            this.resultHeader(path[1]);
    }
    value(path, value) {
        const depth = path.length;
        if (depth === 0) {
            validate(TrivyEnvelope, value, this.where);
            throw badInput(this.where, 'Trivy report field (document): expected an object');
        }
        const key = path[0];
        if (depth === 1) {
            if (this.pass === 2)
                return; // the first pass read and checked the envelope
            if (ENVELOPE_KEYS.has(key)) {
                if (this.resultsStarted)
                    throw this.outOfOrder(String(key), 'Results', 'SchemaVersion, ArtifactName, ArtifactType and Metadata');
                this.envelope[key] = value;
            }
            else if (key === 'Results' && value !== null) {
                validate(TrivyEnvelope.shape.Results, value, this.where, 'Results');
            }
            return;
        }
        if (key !== 'Results')
            return;
        const i = path[1];
        const member = path[2];
        if (depth === 2) {
            validate(TrivyResult, value, this.where, `Results[${i}]`);
            throw badInput(this.where, `Trivy report field Results[${i}]: expected an object`);
        }
        if (depth === 3) {
            if (HEADER_KEYS.has(member)) {
                if (this.result)
                    throw this.outOfOrder(`Results[${i}].${String(member)}`, 'the result\'s lists', 'Target, Class and Type');
                this.header[member] = value;
            }
            else if (isList(member) && value !== null) {
                validate(TrivyResult, { [member]: value }, this.where, `Results[${i}]`);
            }
            return;
        }
        if (depth === 4 && isList(member))
            this.item(member, i, path[3], value);
    }
    outOfOrder(field, after, first) {
        return badInput(this.where, `Trivy report field ${field}: comes after ${after}; a report this large is read in one pass and needs ${first} first, as Trivy writes them`);
    }
    /** The envelope is complete once Results begin (or the document ends without them). */
    startResults() {
        this.resultsStarted = true;
        if (this.pass === 2 || this.first)
            return;
        const report = validate(TrivyEnvelope, this.envelope, this.where);
        if (report.SchemaVersion !== 2) {
            throw new MothershipError('UNSUPPORTED', `${this.where}: Trivy report SchemaVersion ${report.SchemaVersion} is not supported (only 2)`);
        }
        const artifact = artifactOf(report, this.where, this.options.subject);
        this.first = { artifact, ctx: { assetUid: artifact.asset.uid, os: report.Metadata.OS }, vulnCounts: new Map(), otherCounts: new Map() };
        const { scope } = artifact;
        this.out.push({ type: 'coverage', scope, coverage: 'complete' }, { type: 'asset', scope, asset: artifact.asset }, ...artifact.related);
    }
    resultHeader(i) {
        if (!this.result)
            this.result = validate(TrivyResult, this.header, this.where, `Results[${i}]`);
    }
    item(list, i, j, raw) {
        const first = this.first;
        const result = this.result;
        const { ctx } = first;
        const field = `Results[${i}].${list}[${j}]`;
        switch (list) {
            case 'Packages': {
                const p = packageOf(ctx, result, validate(TrivyPackage, raw, this.where, field));
                const key = `${p.purl}\u0000${p.path ?? ''}`;
                if (this.seenPackages.has(key))
                    return; // one row per (asset, purl, path) in the store
                this.seenPackages.add(key);
                this.out.push({ type: 'package', scope: packagesScope(first.artifact.scope), package: p });
                return;
            }
            case 'Vulnerabilities':
                // The first pass only counts fingerprints and reads only their fields; the second validates the
                // whole entry (an invalid one still fails the run before it commits).
                if (this.pass === 1)
                    return this.count(vulnKey(ctx, result, validate(TrivyVulnerabilityKey, raw, this.where, field)), first.vulnCounts);
                return this.sighting(vulnSighting(ctx, result, validate(TrivyVulnerability, raw, this.where, field)), first.vulnCounts, this.vulns);
            case 'Misconfigurations':
                return this.sighting(misconfigSighting(ctx, result, validate(TrivyMisconfiguration, raw, this.where, field), this.where, field), first.otherCounts, this.others);
            case 'Secrets':
                return this.sighting(secretSighting(ctx, result, validate(TrivySecret, raw, this.where, field)), first.otherCounts, this.others);
        }
    }
    count(fingerprint, counts) {
        if (fingerprint === undefined)
            return;
        const key = countKey(fingerprint);
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    sighting(s, counts, set) {
        if (!s)
            return;
        const key = countKey(s.finding.fingerprint);
        if (this.pass === 1) {
            counts.set(key, (counts.get(key) ?? 0) + 1);
            return;
        }
        const finding = set.addUntil(s, counts.get(key) ?? 1);
        if (finding)
            this.out.push({ type: 'finding', scope: this.first.artifact.scope, finding });
    }
    /** The document has ended (and was well-formed). */
    finish() {
        if (!this.resultsStarted)
            this.startResults();
        const first = this.first;
        if (this.pass === 1) {
            if (this.seenPackages.size > 0)
                this.out.push({ type: 'coverage', scope: packagesScope(first.artifact.scope), coverage: 'complete' });
            // Fingerprints sighted once are the rule; only the others need remembering for the second pass.
            for (const counts of [first.vulnCounts, first.otherCounts])
                for (const [k, n] of counts)
                    if (n === 1)
                        counts.delete(k);
            return this.drain();
        }
        // Left over only when two keys collided (or the file changed between the passes): emit them now.
        for (const finding of this.vulns.drain())
            this.out.push({ type: 'finding', scope: first.artifact.scope, finding });
        for (const finding of this.others.drain())
            this.out.push({ type: 'finding', scope: first.artifact.scope, finding });
        return this.drain();
    }
    get firstPass() {
        return this.first;
    }
}
/** Reads a large report in two passes; the first pass's bytes may already be partly read. */
export async function* streamReport(file, firstPassBytes, options = {}) {
    const where = file.name;
    const one = new ReportVisitor(where, options, 1);
    yield* scanStream(firstPassBytes, new JsonScanner(where, one), one.drain);
    yield* one.finish();
    const two = new ReportVisitor(where, options, 2, one.firstPass);
    yield* scanStream(file.stream(), new JsonScanner(where, two), two.drain);
    yield* two.finish();
}
//# sourceMappingURL=stream.js.map