import { createHash } from 'node:crypto';
import { Ordinals } from '../shared/ordinals.js';
import { isRedactedSecret, secretDigest } from '../shared/secret-digest.js';
function entries(map) {
    return Object.keys(map ?? {}).sort().map((k) => `${k}=${map[k]}`).join('&');
}
function shortHash(text) {
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
/** Line references in a message (`parser.py:167`, `line 42`) move with the code; they are not identity. */
export function withoutLineNumbers(message) {
    return message.replace(/\b(lines?|ln|L)\s*\d+(\s*-\s*\d+)?/gi, '$1 #').replace(/:\d+(:\d+)?\b/g, ':#');
}
/**
 * The location part of a result's fingerprint, stable when lines move, in order of preference: the tool's
 * own `fingerprints`, then its `partialFingerprints` (e.g. CodeQL's primaryLocationLineHash), each with
 * the file; for secrets, a keyed hash of the secret in the file (the same secret in other commits is the
 * same finding); then a hash of the message and snippet in the file; then the line. Keys that repeat at
 * other positions are numbered (see Ordinals).
 */
export class Identities {
    ordinals = new Ordinals();
    numbered(rule, key, l) {
        return this.ordinals.number(key, `${l.startLine}:${l.startColumn}:${l.endLine}:${l.endColumn}`, rule);
    }
    detail(input) {
        const where = input.location.path ?? input.location.logical ?? '';
        const l = input.location;
        if (input.secretKind && input.secret && !isRedactedSecret(input.secret)) {
            return { detail: `${where}#secret:${secretDigest(input.secret)}`, basis: 'secret' };
        }
        const fp = entries(input.fingerprints);
        if (fp)
            return { detail: this.numbered(input.rule, `${where}#fp:${fp}`, l), basis: 'fingerprints' };
        // Secret tools put commit ids in partialFingerprints (gitleaks): a per-commit identity, not used.
        const pfp = input.secretKind ? '' : entries(input.partialFingerprints);
        if (pfp)
            return { detail: this.numbered(input.rule, `${where}#pfp:${pfp}`, l), basis: 'partialFingerprints' };
        const content = [input.message ? withoutLineNumbers(input.message) : '', input.snippet ?? ''].join('\u0000');
        if (content !== '\u0000' && !input.secretKind) {
            return { detail: this.numbered(input.rule, `${where}#h:${shortHash(content)}`, l), basis: 'content' };
        }
        return { detail: `${where}#line:${l.startLine ?? 0}`, basis: 'line' };
    }
}
//# sourceMappingURL=identity.js.map