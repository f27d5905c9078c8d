import { headText } from '../report-file.js';
/**
 * CycloneDX JSON: an object with `"bomFormat": "CycloneDX"` near the top (producers write it first, after
 * `$schema`; key-sorting ones still before `components`). Trivy JSON, SPDX, SARIF and the other JSON
 * reports have no such key.
 */
export function looksLikeCycloneDxJson(head) {
    const text = headText(head, 16 * 1024);
    return text.startsWith('{') && /"bomFormat"\s*:\s*"CycloneDX"/.test(text);
}
/** CycloneDX XML: a `<bom>` root element (prefixed or not) in a `http://cyclonedx.org/schema/bom/1.x` namespace. */
export function looksLikeCycloneDxXml(head) {
    const text = headText(head);
    if (!text.startsWith('<'))
        return false;
    return /<(?:[\w.-]+:)?bom\b[^>]*\bxmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/cyclonedx\.org\/schema\/bom\/1\.\d+["']/.test(text);
}
//# sourceMappingURL=sniff.js.map