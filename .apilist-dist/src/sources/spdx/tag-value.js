import { badInput } from '../../model/errors.js';
import { MAX_JSON_BYTES } from '../json.js';
import { refuseNul } from '../shared/text.js';
/** Tags that start a section other than a package: what follows no longer describes the package. */
const OTHER_SECTIONS = new Set(['FileName', 'SnippetSPDXID', 'LicenseID']);
/** Splits the text into (line number, tag, value), joining `<text>...</text>` values that span lines. */
function* entries(text, where) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        const m = /^([A-Za-z][\w-]*):\s?(.*)$/.exec(line);
        if (!m)
            throw badInput(where, `SPDX tag-value line ${i + 1}: expected "Tag: value"`);
        const start = i + 1;
        let value = m[2].trim();
        if (value.startsWith('<text>')) {
            const parts = [value.slice('<text>'.length)];
            while (!parts[parts.length - 1].includes('</text>')) {
                if (++i >= lines.length)
                    throw badInput(where, `SPDX tag-value line ${start}: <text> not closed`);
                parts.push(lines[i]);
            }
            value = parts.join('\n').replace(/<\/text>[\s\S]*$/, '').trim();
        }
        yield [start, m[1], value];
    }
}
export function parseSpdxTagValue(text, where) {
    if (text.length > MAX_JSON_BYTES)
        throw badInput(where, `SPDX tag-value larger than ${MAX_JSON_BYTES} bytes`);
    refuseNul(text, where, 'SPDX tag-value');
    const creators = [];
    const packages = [];
    const relationships = [];
    const annotations = [];
    const doc = { creationInfo: { creators }, packages, relationships };
    let pkg;
    let inOther = false;
    let lastRef;
    for (const [line, tag, value] of entries(text, where)) {
        if (OTHER_SECTIONS.has(tag)) {
            pkg = undefined;
            inOther = true;
            continue;
        }
        switch (tag) {
            case 'SPDXVersion':
                doc.spdxVersion = value;
                break;
            case 'DocumentName':
                doc.name = value;
                break;
            case 'Creator':
                creators.push(value);
                break;
            case 'SPDXID':
                if (pkg)
                    pkg.SPDXID = value;
                else if (!inOther && doc.SPDXID === undefined)
                    doc.SPDXID = value;
                break;
            case 'PackageName':
                pkg = { name: value, externalRefs: [], attributionTexts: [], annotations: [] };
                packages.push(pkg);
                inOther = false;
                lastRef = undefined;
                break;
            case 'Relationship': {
                const parts = value.split(/\s+/);
                if (parts.length !== 3)
                    throw badInput(where, `SPDX tag-value line ${line}: Relationship needs "<id> <TYPE> <id>"`);
                relationships.push({ spdxElementId: parts[0], relationshipType: parts[1], relatedSpdxElement: parts[2] });
                break;
            }
            case 'Annotator':
                annotations.push({ annotator: value, owner: pkg });
                break;
            case 'SPDXREF': {
                const a = annotations.at(-1);
                if (a)
                    a.target = value;
                break;
            }
            case 'AnnotationComment': {
                const a = annotations.at(-1);
                if (a)
                    a.comment = value;
                break;
            }
            case 'ExternalRefComment':
                if (pkg && lastRef)
                    lastRef.comment = value;
                break;
            default:
                if (pkg)
                    lastRef = packageField(pkg, tag, value, line, where) ?? lastRef;
        }
    }
    for (const a of annotations) {
        const owner = a.target ? packages.find((p) => p.SPDXID === a.target) : a.owner;
        owner?.annotations.push({ annotator: a.annotator, comment: a.comment });
    }
    return doc;
}
/** Sets a package field; returns the external reference it adds, for a following ExternalRefComment. */
function packageField(pkg, tag, value, line, where) {
    switch (tag) {
        case 'PackageVersion':
            pkg.versionInfo = value;
            break;
        case 'PackageLicenseConcluded':
            pkg.licenseConcluded = value;
            break;
        case 'PackageLicenseDeclared':
            pkg.licenseDeclared = value;
            break;
        case 'PrimaryPackagePurpose':
            pkg.primaryPackagePurpose = value;
            break;
        case 'PackageSourceInfo':
            pkg.sourceInfo = value;
            break;
        case 'PackageAttributionText':
            pkg.attributionTexts.push(value);
            break;
        case 'ExternalRef': {
            const [category, type, ...locator] = value.split(/\s+/);
            if (!category || !type || locator.length === 0)
                throw badInput(where, `SPDX tag-value line ${line}: ExternalRef needs "<category> <type> <locator>"`);
            const ref = { referenceCategory: category, referenceType: type, referenceLocator: locator.join(' ') };
            pkg.externalRefs.push(ref);
            return ref;
        }
    }
    return undefined;
}
//# sourceMappingURL=tag-value.js.map