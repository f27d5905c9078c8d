import { z } from 'zod';
/** Tags as most services print them: `[{Key, Value}]` (EKS, GuardDuty and Lambda print a map instead). */
export const TagList = z.array(z.looseObject({ Key: z.string(), Value: z.string() }));
/** Tags as a `key → value` map: EKS, GuardDuty, Lambda. */
export const TagMap = z.record(z.string(), z.string());
/** The flat `key → value` map stored in the tags column. */
export function tagMap(tags) {
    const out = {};
    for (const t of tags ?? [])
        out[t.Key] = t.Value;
    return out;
}
/** Tag keys that name an owner, most specific first: a team routes better than a person. */
const OWNER_TAG_KEYS = ['team', 'owner'];
/**
 * The owner a resource declares through its tags (`team`, then `owner`, keys case-insensitive), with the
 * reason shown to users. Issue #5 adds the full precedence (catalog, account defaults).
 */
export function ownerFromTags(tags) {
    for (const wanted of OWNER_TAG_KEYS) {
        for (const [key, value] of Object.entries(tags)) {
            const v = value.trim();
            if (key.toLowerCase() === wanted && v !== '')
                return { owner: v, ownerReason: `tag ${key}=${v}` };
        }
    }
    return { owner: null, ownerReason: null };
}
//# sourceMappingURL=tags.js.map