import { FINDING_KINDS, SEVERITIES } from '../../model/index.js';
/**
 * The model schemas' rules for the two records sources emit by the hundred thousand (findings and
 * packages), checked by hand: zod's generic walk costs more per record than staging it. Each check
 * accepts a subset of what the schema accepts and returns exactly the schema's output for it; anything
 * unusual returns undefined and goes to zod, which also words the error. quick-validate.test.ts holds the
 * two to the same answers on generated input.
 */
const KINDS = new Set(FINDING_KINDS);
const LEVELS = new Set(SEVERITIES);
const hasOwn = (o, key) => Object.prototype.hasOwnProperty.call(o, key);
/** A plain object whose own keys zod's record copies as they are: JSON text of it equals that of the copy. */
function isSimpleRecord(v) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        return false;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null)
        return false;
    return !hasOwn(v, '__proto__') && !hasOwn(v, 'constructor') && Object.getOwnPropertySymbols(v).length === 0;
}
/** The schema's `z.string().nullable().default(null)`: a string, or null when absent. */
function optionalText(v) {
    if (v === undefined || v === null)
        return null;
    return typeof v === 'string' ? v : false;
}
const text = (v) => typeof v === 'string' && v.length > 0;
export function quickFinding(input) {
    if (!isSimpleRecord(input))
        return undefined;
    const f = input;
    if (!text(f.fingerprint) || !KINDS.has(f.kind) || !text(f.title) || !LEVELS.has(f.severity))
        return undefined;
    const ruleId = optionalText(f.ruleId);
    const advisoryId = optionalText(f.advisoryId);
    const description = optionalText(f.description);
    const assetUid = optionalText(f.assetUid);
    const packagePurl = optionalText(f.packagePurl);
    const owner = optionalText(f.owner);
    const remediation = optionalText(f.remediation);
    const originalId = optionalText(f.originalId);
    if (ruleId === false || advisoryId === false || description === false || assetUid === false || packagePurl === false
        || owner === false || remediation === false || originalId === false)
        return undefined;
    const evidence = f.evidence === undefined ? {} : f.evidence;
    const properties = f.properties === undefined ? {} : f.properties;
    if (!isSimpleRecord(evidence) || !isSimpleRecord(properties))
        return undefined;
    return {
        fingerprint: f.fingerprint, kind: f.kind, ruleId, advisoryId, title: f.title, description,
        severity: f.severity, assetUid, packagePurl, owner, evidence, remediation, properties, originalId,
    };
}
export function quickPackage(input) {
    if (!isSimpleRecord(input))
        return undefined;
    const p = input;
    if (!text(p.assetUid) || typeof p.purl !== 'string' || !p.purl.startsWith('pkg:') || !text(p.ecosystem) || !text(p.name)
        || typeof p.version !== 'string')
        return undefined;
    const sourceName = optionalText(p.sourceName);
    const sourceVersion = optionalText(p.sourceVersion);
    const layerDigest = optionalText(p.layerDigest);
    if (sourceName === false || sourceVersion === false || layerDigest === false)
        return undefined;
    const path = p.path === undefined ? '' : p.path;
    if (typeof path !== 'string')
        return undefined;
    const licenses = p.licenses === undefined ? [] : p.licenses;
    if (!Array.isArray(licenses))
        return undefined;
    for (let i = 0; i < licenses.length; i++)
        if (typeof licenses[i] !== 'string')
            return undefined; // holes included
    return {
        assetUid: p.assetUid, purl: p.purl, ecosystem: p.ecosystem, name: p.name, version: p.version, sourceName, sourceVersion,
        layerDigest, path, licenses: [...licenses],
    };
}
//# sourceMappingURL=quick-validate.js.map