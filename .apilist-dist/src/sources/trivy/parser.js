import { MothershipError } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { artifactOf } from './artifact.js';
import { packagesScope } from './context.js';
import { FindingSet } from './finding-set.js';
import { misconfigSighting } from './misconfigs.js';
import { packageOf } from './packages.js';
import { TrivyEnvelope, TrivyResult, validate } from './schema.js';
import { secretSighting } from './secrets.js';
import { looksLikeTrivyJson } from './sniff.js';
import { streamReport } from './stream.js';
import { finalizeVuln, vulnSighting } from './vulnerabilities.js';
export { packagesScope };
/** Reports larger than this are streamed (bounded memory, two passes: stream.ts); smaller ones are parsed whole. */
export const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;
/** The file's bytes up to just past `limit`, and, when there are more, the rest of its stream. */
async function readUpTo(file, limit) {
    const it = file.stream()[Symbol.asyncIterator]();
    const head = [];
    let size = 0;
    try {
        for (;;) {
            const next = await it.next();
            if (next.done)
                return { head, rest: null };
            head.push(next.value);
            size += next.value.length;
            if (size > limit)
                return { head, rest: it };
        }
    }
    catch (e) {
        await it.return?.();
        throw e;
    }
}
async function* concat(head, rest) {
    try {
        yield* head;
        for (;;) {
            const next = await rest.next();
            if (next.done)
                return;
            yield next.value;
        }
    }
    finally {
        await rest.return?.();
    }
}
async function* parseReport(file, options, streamAbove) {
    // A file on disk knows its size (report-file.ts): no need to read it to choose.
    const size = file.size;
    if (typeof size === 'number') {
        if (size > streamAbove)
            yield* streamReport(file, file.stream(), options);
        else
            yield* parseWhole(file.name, await file.text(), options);
        return;
    }
    const { head, rest } = await readUpTo(file, streamAbove);
    if (rest)
        yield* streamReport(file, concat(head, rest), options);
    else
        yield* parseWhole(file.name, Buffer.concat(head).toString('utf8'), options);
}
function* parseWhole(where, text, options) {
    const report = validate(TrivyEnvelope, parseUntrustedJson(text, where), where);
    if (report.SchemaVersion !== 2) {
        throw new MothershipError('UNSUPPORTED', `${where}: Trivy report SchemaVersion ${report.SchemaVersion} is not supported (only 2)`);
    }
    const artifact = artifactOf(report, where, options.subject);
    const { scope } = artifact;
    const ctx = { assetUid: artifact.asset.uid, os: report.Metadata.OS };
    // A report read to the end is the whole truth about its artifact; a broken one throws before the run commits.
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset: artifact.asset };
    yield* artifact.related;
    const pkgScope = packagesScope(scope);
    const seenPackages = new Set();
    const vulns = new FindingSet(finalizeVuln);
    const others = new FindingSet();
    for (const [i, raw] of report.Results.entries()) {
        const field = `Results[${i}]`;
        const result = validate(TrivyResult, raw, where, field);
        for (const pkg of result.Packages) {
            const p = packageOf(ctx, result, pkg);
            const key = `${p.purl}\u0000${p.path ?? ''}`;
            if (seenPackages.has(key))
                continue; // one row per (asset, purl, path) in the store
            seenPackages.add(key);
            yield { type: 'package', scope: pkgScope, package: p };
        }
        for (const v of result.Vulnerabilities) {
            const s = vulnSighting(ctx, result, v);
            if (s)
                vulns.add(s);
        }
        for (const [j, m] of result.Misconfigurations.entries()) {
            const s = misconfigSighting(ctx, result, m, where, `${field}.Misconfigurations[${j}]`);
            if (s)
                others.add(s);
        }
        for (const s of result.Secrets)
            others.add(secretSighting(ctx, result, s));
    }
    if (seenPackages.size > 0)
        yield { type: 'coverage', scope: pkgScope, coverage: 'complete' };
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
    for (const finding of others.drain())
        yield { type: 'finding', scope, finding };
}
/**
 * Trivy's JSON report (`trivy image|fs|repo|sbom|vm --format json`), SchemaVersion 2. `streamAbove` is the
 * size from which a report is streamed rather than parsed whole (tests lower it).
 */
export function trivyJsonParser(config = {}) {
    const streamAbove = config.streamAbove ?? STREAM_ABOVE_BYTES;
    return {
        id: 'trivy-json',
        type: 'trivy-json',
        version: 1,
        accepts: (file) => looksLikeTrivyJson(file.head),
        parse: (file, options) => parseReport(file, options ?? {}, streamAbove),
    };
}
export const trivyJson = trivyJsonParser();
//# sourceMappingURL=parser.js.map