import { createHash } from 'node:crypto';
/** FNV-1a over a string: turns the seed plus a label into an independent 32-bit stream seed. */
function hash32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
const HEX = '0123456789abcdef';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** mulberry32: tiny, fast and good enough for synthetic data; never Math.random, so output is reproducible. */
export class Rng {
    state;
    constructor(seed) {
        this.state = seed >>> 0;
    }
    /** Uniform in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** Integer in [min, max], both included. */
    int(min, max) {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    chance(p) {
        return this.next() < p;
    }
    pick(items) {
        if (items.length === 0)
            throw new Error('pick from an empty list');
        return items[Math.floor(this.next() * items.length)];
    }
    /** Picks by weight; weights need not sum to 1. */
    weighted(items) {
        const total = items.reduce((sum, [, w]) => sum + w, 0);
        let r = this.next() * total;
        for (const [value, weight] of items) {
            r -= weight;
            if (r < 0)
                return value;
        }
        const last = items[items.length - 1];
        if (!last)
            throw new Error('weighted pick from an empty list');
        return last[0];
    }
    /** n distinct items in random order (a partial Fisher-Yates on a copy). */
    sample(items, n) {
        const copy = [...items];
        const count = Math.min(n, copy.length);
        for (let i = 0; i < count; i++) {
            const j = i + Math.floor(this.next() * (copy.length - i));
            [copy[i], copy[j]] = [copy[j], copy[i]];
        }
        return copy.slice(0, count);
    }
    /** A real number of days in [min, max): ages that do not all fall on the same time of day. */
    days(min, max) {
        return min + this.next() * (max - min);
    }
    /** base scaled by a uniform factor in [1 - spread, 1 + spread], rounded. */
    around(base, spread) {
        return Math.round(base * (1 - spread + 2 * spread * this.next()));
    }
    hex(length) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += HEX[Math.floor(this.next() * 16)];
        return out;
    }
    /** Upper-case base32-like characters, as in IAM unique ids (AROA..., AIDA...). */
    upper(length) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += UPPER_ALNUM[Math.floor(this.next() * UPPER_ALNUM.length)];
        return out;
    }
    digits(length) {
        let out = String(this.int(1, 9));
        for (let i = 1; i < length; i++)
            out += String(this.int(0, 9));
        return out;
    }
}
/**
 * A stream for one named part of the organization. Streams are derived from the seed and a label, not
 * drawn in sequence, so one account's data does not shift when another account changes.
 */
export function rngFor(seed, ...labels) {
    return new Rng(hash32(`${seed}/${labels.join('/')}`));
}
/** A deterministic sha256 hex string, for layer digests, image ids and package UIDs. */
export function digestFor(seed, ...labels) {
    return createHash('sha256').update(`${seed}/${labels.join('/')}`).digest('hex');
}
//# sourceMappingURL=random.js.map