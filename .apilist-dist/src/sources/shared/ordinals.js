/**
 * Occurrence numbers for identities that a report can repeat. Tools that hash a line's content (ShiftLeft
 * scan, flawfinder, Semgrep without login) give identical lines identical ids; CodeQL appends an occurrence
 * number for that, and so does this: the same key at another position is the next occurrence (`key#1`),
 * the same key at the same position is the same result reported twice (same number). `scope` keeps
 * counters apart (one per rule) without being part of the key.
 */
export class Ordinals {
    positions = new Map();
    /** 0 for the first position `key` was seen at, then 1, 2, ... for each other position. */
    index(key, position) {
        const seen = this.positions.get(key) ?? [];
        let n = seen.indexOf(position);
        if (n < 0) {
            n = seen.length;
            seen.push(position);
            this.positions.set(key, seen);
        }
        return n;
    }
    /** `key` at its first position, `key#n` at its n-th other one. */
    number(key, position, scope = '') {
        const n = this.index(`${scope}\u0000${key}`, position);
        return n === 0 ? key : `${key}#${n}`;
    }
}
//# sourceMappingURL=ordinals.js.map