/**
 * Who owns an asset, and why. One precedence, highest first:
 *
 *   explicit   the source or the user named the owner (`ingest --owner`): never overridden
 *   catalogue  a Backstage entity owns it: the entity itself, its source repositories and image repositories
 *   tag        the asset's own `team` (or else `owner`) tag
 *   rule       the first owners.yaml rule that matches (account, tag, repository, image repository)
 *   default    the default owner, when one is configured
 *
 * This module is the reference: pipeline/resolve-owners.ts computes the same in bulk SQL, and its tests
 * check both agree. Reasons are sentences people read in the dashboard, and they also tell a resolved
 * owner (recomputed on every resolution) from an explicit one (kept).
 */
/** Assets the resolution leaves alone: the ownership data itself. */
export const NOT_OWNED_KINDS = ['team', 'ownership.rule'];
/** Reasons the resolution writes; an owner with any other reason (or none) is explicit. */
export const RESOLVED_REASON = /^(catalogue: |tag |account |repository |image repository |default$)/;
/** The same test in PostgreSQL regex syntax. */
export const RESOLVED_REASON_SQL = '^(catalogue: |tag |account |repository |image repository |default$)';
/**
 * An owner reference as an owner id: `group:payments`, `group:default/payments` and `Payments` are all
 * `payments`; a namespace other than `default` stays (`ops/sre`). SQL mirror: ownerIdSql.
 */
export function ownerId(ref) {
    const id = ref.trim().toLowerCase().replace(/^[a-z]+:/, '').replace(/^default\//, '');
    return id === '' ? null : id;
}
/** ownerId over a SQL text expression. */
export const ownerIdSql = (expr) => `nullif(regexp_replace(regexp_replace(lower(btrim(${expr})), '^[a-z]+:', ''), '^default/', ''), '')`;
export const catalogueReason = (ref) => `catalogue: ${ref}`;
export const tagReason = (key, value) => `tag ${key}=${value}`;
export const DEFAULT_REASON = 'default';
/** `account 123456789012 → payments (owners.yaml)` and the like, for a rule read from `file`. */
export function ruleReason(rule, owner, file) {
    const what = rule.match === 'tag' ? `tag ${rule.key}=${rule.value}`
        : rule.match === 'image_repository' ? `image repository ${rule.value}` : `${rule.match} ${rule.value}`;
    return `${what} → ${owner} (${file})`;
}
/** The repository part of a container image uid (`repo@sha256:...`); null for uids with no repository. */
export function imageRepositoryOf(asset) {
    if (asset.kind !== 'container.image' || asset.uid.startsWith('image:'))
        return null;
    return asset.uid.split('@')[0] ?? null;
}
export function isExplicit(asset) {
    return asset.owner !== null && (asset.ownerReason === null || !RESOLVED_REASON.test(asset.ownerReason));
}
/** The team or owner tag, `team` first; keys match case-insensitively. */
function ownerTag(tags) {
    const keys = Object.keys(tags).filter((k) => /^(team|owner)$/i.test(k))
        .sort((a, b) => Number(b.toLowerCase() === 'team') - Number(a.toLowerCase() === 'team') || (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
        const value = tags[key] ?? '';
        const owner = ownerId(value);
        if (owner)
            return { key, value, owner };
    }
    return null;
}
function ruleMatches(rule, asset) {
    switch (rule.match) {
        case 'account': return asset.account === rule.value;
        case 'tag': return asset.tags[rule.key] === rule.value;
        case 'repository': return asset.uid === rule.value;
        case 'image_repository': return imageRepositoryOf(asset) === rule.value;
    }
}
/** The owner an asset should have, or null for none. Explicit owners come back unchanged. */
export function resolveOwner(asset, ctx) {
    if (isExplicit(asset))
        return { owner: asset.owner, reason: asset.ownerReason ?? '' };
    const image = imageRepositoryOf(asset);
    // The entity itself before entities that claim it through a repository; then by uid, for a stable answer.
    const claims = ctx.catalogue
        .filter((c) => c.uid === asset.uid || c.repositories.includes(asset.uid) || (image !== null && c.imageRepositories.includes(image)))
        .sort((a, b) => Number(b.uid === asset.uid) - Number(a.uid === asset.uid) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
    const claim = claims[0];
    if (claim)
        return { owner: claim.owner, reason: catalogueReason(claim.ref) };
    const tag = ownerTag(asset.tags);
    if (tag)
        return { owner: tag.owner, reason: tagReason(tag.key, tag.value) };
    const rule = ctx.rules.find((r) => ruleMatches(r, asset));
    if (rule)
        return { owner: rule.owner, reason: rule.reason };
    return ctx.defaultOwner ? { owner: ctx.defaultOwner, reason: DEFAULT_REASON } : null;
}
//# sourceMappingURL=ownership.js.map