import { headText } from '../report-file.js';
/**
 * SPDX JSON: an object with `"spdxVersion": "SPDX-..."`, or the document's own `"SPDXID":
 * "SPDXRef-DOCUMENT"` (producers that sort keys write spdxVersion last, after the packages), or an SPDX 3
 * JSON-LD document (an `@context` on spdx.org). Version 3 is accepted here only to be refused with a
 * clear message by the parser, rather than reported as an unknown format. CycloneDX, Trivy and the other
 * JSON reports have none of these.
 */
export function looksLikeSpdxJson(head) {
    const text = headText(head, head.length);
    if (!text.startsWith('{'))
        return false;
    return /"spdxVersion"\s*:\s*"SPDX-/.test(text) || /"SPDXID"\s*:\s*"SPDXRef-DOCUMENT"/.test(text.slice(0, 4096))
        || /"@context"\s*:\s*"https?:\/\/spdx\.org\/rdf\/3/.test(text);
}
/** SPDX tag-value: `SPDXVersion: SPDX-2.x` as the first tag (comment lines may come before it). */
export function looksLikeSpdxTagValue(head) {
    return /^(?:#[^\n]*\n\s*)*SPDXVersion:\s*SPDX-\d/.test(headText(head));
}
//# sourceMappingURL=sniff.js.map