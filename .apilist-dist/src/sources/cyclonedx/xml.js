import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { badInput } from '../../model/errors.js';
import { MAX_JSON_BYTES } from '../json.js';
import { refuseNul } from '../shared/text.js';
import { attr, attrNames, childText, el, kids, num, text } from './xml-nodes.js';
/**
 * CycloneDX XML (spec 1.0 to 1.7, and the vulnerability extension 1.0 that Grype and Jake wrote
 * before vulnerabilities were part of the spec) converted to the JSON shape of schema.ts, so one code
 * path reads both. Only what schema.ts reads is converted.
 */
const BOM_NS = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;
const VULN_EXT_NS = /^http:\/\/cyclonedx\.org\/schema\/ext\/vulnerability\/1\.\d+$/;
/** Element nesting allowed; component nesting has its own, smaller bound (components.ts). */
const MAX_XML_DEPTH = 200;
const parser = new XMLParser({
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    cdataPropName: '__cdata',
    maxNestedTags: MAX_XML_DEPTH,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
function source(node, n) {
    return node === undefined ? undefined : { name: childText(node, n.bom('name')), url: childText(node, n.bom('url')) };
}
function licenses(node, n) {
    const list = el(node, n.bom('licenses'));
    return [
        ...kids(list, n.bom('license')).map((l) => ({ license: { id: childText(l, n.bom('id')), name: childText(l, n.bom('name')) } })),
        ...kids(list, n.bom('expression')).map((e) => ({ expression: text(e) })),
    ];
}
/** A vulnerability of extension 1.0, affecting `ref` (the enclosing component, or its own `ref` attribute). */
function extVulnerability(v, ref, ext) {
    const src = el(v, ext('source'));
    const recommendations = kids(el(v, ext('recommendations')), ext('recommendation')).map((r) => text(r) ?? '').filter((r) => r);
    return {
        id: childText(v, ext('id')),
        source: src === undefined ? undefined : { name: attr(src, 'name'), url: childText(src, ext('url')) },
        ratings: kids(el(v, ext('ratings')), ext('rating')).map((r) => ({
            score: num(childText(el(r, ext('score')), ext('base'))),
            severity: childText(r, ext('severity')),
            method: childText(r, ext('method')),
            vector: childText(r, ext('vector')),
        })),
        cwes: kids(el(v, ext('cwes')), ext('cwe')).map((c) => num(text(c))),
        description: childText(v, ext('description')),
        recommendation: recommendations.length ? recommendations.join('\n') : undefined,
        advisories: kids(el(v, ext('advisories')), ext('advisory')).map((a) => ({ url: text(a) })),
        affects: ref ? [{ ref }] : [],
    };
}
function vulnerability(v, n) {
    const b = n.bom;
    const analysis = el(v, b('analysis'));
    return {
        'bom-ref': attr(v, 'bom-ref'),
        id: childText(v, b('id')),
        source: source(el(v, b('source')), n),
        references: kids(el(v, b('references')), b('reference')).map((r) => ({ id: childText(r, b('id')), source: source(el(r, b('source')), n) })),
        ratings: kids(el(v, b('ratings')), b('rating')).map((r) => ({
            source: source(el(r, b('source')), n),
            score: num(childText(r, b('score'))),
            severity: childText(r, b('severity')),
            method: childText(r, b('method')),
            vector: childText(r, b('vector')),
        })),
        cwes: kids(el(v, b('cwes')), b('cwe')).map((c) => num(text(c))),
        description: childText(v, b('description')),
        detail: childText(v, b('detail')),
        recommendation: childText(v, b('recommendation')),
        advisories: kids(el(v, b('advisories')), b('advisory')).map((a) => ({ title: childText(a, b('title')), url: childText(a, b('url')) })),
        published: childText(v, b('published')),
        updated: childText(v, b('updated')),
        analysis: analysis === undefined ? undefined : {
            state: childText(analysis, b('state')),
            justification: childText(analysis, b('justification')),
            response: kids(el(analysis, b('responses')), b('response')).map((r) => text(r) ?? ''),
            detail: childText(analysis, b('detail')),
        },
        affects: kids(el(v, b('affects')), b('target')).map((t) => ({
            ref: childText(t, b('ref')),
            versions: kids(el(t, b('versions')), b('version')).map((x) => ({
                version: childText(x, b('version')), range: childText(x, b('range')), status: childText(x, b('status')),
            })),
        })),
    };
}
/**
 * One component and its nested ones. Extension 1.0 vulnerabilities nested in a component affect that
 * component; when it has no bom-ref (Grype 0.7 to 0.11 wrote none), its position is its reference.
 */
function component(c, field, n, extOut) {
    const b = n.bom;
    let ref = attr(c, 'bom-ref');
    const ext = n.ext;
    if (ext) {
        const nested = kids(el(c, ext('vulnerabilities')), ext('vulnerability'));
        if (nested.length)
            ref ??= `#${field}`;
        for (const v of nested)
            extOut.push(extVulnerability(v, ref, ext));
    }
    return {
        type: attr(c, 'type'),
        'bom-ref': ref,
        group: childText(c, b('group')),
        name: childText(c, b('name')),
        version: childText(c, b('version')),
        purl: childText(c, b('purl')),
        licenses: licenses(c, n),
        properties: kids(el(c, b('properties')), b('property')).map((p) => ({ name: attr(p, 'name') ?? '', value: text(p) })),
        components: kids(el(c, b('components')), b('component')).map((x, i) => component(x, `${field}.components[${i}]`, n, extOut)),
    };
}
function tools(metadata, n) {
    const t = el(metadata, n.bom('tools'));
    const entries = [...kids(t, n.bom('tool')), ...kids(el(t, n.bom('components')), n.bom('component'))];
    return entries.map((x) => ({ vendor: childText(x, n.bom('vendor')), name: childText(x, n.bom('name')), version: childText(x, n.bom('version')) }));
}
function dependencies(root, n) {
    return kids(el(root, n.bom('dependencies')), n.bom('dependency')).map((d) => ({
        ref: attr(d, 'ref'),
        dependsOn: kids(d, n.bom('dependency')).map((x) => attr(x, 'ref')).filter((r) => r),
    }));
}
/** The root element and the names its namespace declarations give. */
function rootOf(doc, where) {
    const tag = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
    const root = tag ? el(doc, tag) : undefined;
    const prefix = tag?.includes(':') ? tag.slice(0, tag.indexOf(':')) : '';
    const local = tag?.slice(prefix ? prefix.length + 1 : 0);
    const ns = attr(root, prefix ? `xmlns:${prefix}` : 'xmlns') ?? '';
    const m = BOM_NS.exec(ns);
    if (local !== 'bom' || !m) {
        throw badInput(where, `not a CycloneDX XML document: root element <${tag ?? '?'}> in namespace "${ns}", expected <bom> in http://cyclonedx.org/schema/bom/1.x`);
    }
    const extDecl = attrNames(root).find((a) => a.startsWith('xmlns:') && VULN_EXT_NS.test(attr(root, a) ?? ''));
    const extPrefix = extDecl?.slice('xmlns:'.length);
    return {
        root,
        specVersion: m[1],
        names: {
            bom: prefix ? (l) => `${prefix}:${l}` : (l) => l,
            ext: extPrefix ? (l) => `${extPrefix}:${l}` : undefined,
        },
    };
}
/** Parses CycloneDX XML into the JSON shape; malformed XML names the line and column. */
export function parseCycloneDxXml(xml, where) {
    if (xml.length > MAX_JSON_BYTES)
        throw badInput(where, `XML larger than ${MAX_JSON_BYTES} bytes`);
    const clean = xml.replace(/^\uFEFF/, '');
    refuseNul(clean, where, 'CycloneDX XML');
    if (/<!DOCTYPE/i.test(clean)) {
        const entities = /<!ENTITY/i.test(clean) ? ' with entity declarations' : '';
        throw badInput(where, `XML DOCTYPE${entities} refused: CycloneDX needs none, and entity expansion is an attack vector`);
    }
    const valid = XMLValidator.validate(clean);
    if (valid !== true)
        throw badInput(where, `invalid XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
    let doc;
    try {
        doc = parser.parse(clean);
    }
    catch (e) {
        throw badInput(where, `invalid XML: ${e.message}`, e);
    }
    const { root, names, specVersion } = rootOf(doc, where);
    const b = names.bom;
    const extOut = [];
    const metadata = el(root, b('metadata'));
    const subject = el(metadata, b('component'));
    const componentsEl = el(root, b('components'));
    const components = kids(componentsEl, b('component')).map((c, i) => component(c, `components[${i}]`, names, extOut));
    const topExt = names.ext ? kids(el(root, names.ext('vulnerabilities')), names.ext('vulnerability')) : [];
    const vulnerabilities = [
        ...kids(el(root, b('vulnerabilities')), b('vulnerability')).map((v) => vulnerability(v, names)),
        ...topExt.map((v) => extVulnerability(v, attr(v, 'ref'), names.ext)),
        ...extOut,
    ];
    return {
        bomFormat: 'CycloneDX',
        specVersion,
        serialNumber: attr(root, 'serialNumber'),
        metadata: metadata === undefined ? undefined : {
            component: subject === undefined ? undefined : component(subject, 'metadata.component', names, []),
            tools: tools(metadata, names),
        },
        components: componentsEl === undefined ? undefined : components,
        vulnerabilities,
        dependencies: dependencies(root, names),
    };
}
//# sourceMappingURL=xml.js.map