import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { ownerId } from '../../findings/ownership.js';
import { imageRepository, repositoryFromLocation, repositoryFromSlug } from './locations.js';
const Str = z.string();
const StrMap = z.record(z.string(), z.unknown()).catch({});
/** The envelope every Backstage entity has; `spec` is read per kind. Unknown fields are ignored. */
const Entity = z.object({
    apiVersion: Str.regex(/^backstage\.io\//, 'apiVersion must be backstage.io/...'),
    kind: Str.min(1),
    metadata: z.object({
        name: Str.min(1),
        namespace: Str.min(1).optional(),
        title: Str.optional(),
        description: Str.optional(),
        annotations: StrMap.optional(),
        labels: StrMap.optional(),
        tags: z.array(z.unknown()).catch([]).optional(),
    }),
    spec: StrMap.optional(),
});
/** Annotation naming extra image repositories of a component (comma or space separated). */
export const IMAGES_ANNOTATION = 'mothership.io/images';
const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const texts = (v) => (Array.isArray(v) ? v.map(text).filter((s) => s !== undefined) : []);
const strings = (m) => Object.fromEntries(Object.entries(m ?? {}).filter((e) => typeof e[1] === 'string'));
/** `<namespace>/<name>`, the namespace `default` when none is given. */
const refOf = (e) => `${e.metadata.namespace ?? 'default'}/${e.metadata.name}`;
/** Source repositories: the source location and any `<host>/project-slug` annotation. */
function repositories(annotations) {
    const found = new Set();
    const location = annotations['backstage.io/source-location'];
    const fromLocation = location ? repositoryFromLocation(location) : undefined;
    if (fromLocation)
        found.add(fromLocation);
    for (const [key, value] of Object.entries(annotations)) {
        const slug = /^([\w.-]+\.[a-z]+)\/project-slug$/i.exec(key);
        const repo = slug ? repositoryFromSlug(slug[1], value) : undefined;
        if (repo)
            found.add(repo);
    }
    return [...found].sort();
}
function imageRepositories(annotations) {
    const list = (annotations[IMAGES_ANNOTATION] ?? '').split(/[\s,]+/);
    return [...new Set(list.map(imageRepository).filter((s) => s !== undefined))].sort();
}
/** Tier or criticality from an annotation or label named `…/criticality` or `…/tier`, or `spec.tier`. */
function criticality(e, annotations) {
    const all = { ...strings(e.metadata.labels), ...annotations };
    for (const name of ['criticality', 'tier']) {
        const key = Object.keys(all).sort().find((k) => k === name || k.endsWith(`/${name}`));
        if (key)
            return all[key];
    }
    return text(e.spec?.tier) ?? null;
}
/** A Component or System: an asset that owns itself and its repositories and images through the catalogue. */
function owningEntity(e, scope, uidPrefix, kind) {
    const annotations = strings(e.metadata.annotations);
    const spec = e.spec ?? {};
    const ownerRef = text(spec.owner);
    return {
        type: 'asset',
        scope,
        asset: {
            uid: `${uidPrefix}:${refOf(e)}`,
            kind,
            provider: 'backstage',
            name: e.metadata.title ?? e.metadata.name,
            properties: {
                catalogueRef: `${e.kind} ${refOf(e)}`,
                namespace: e.metadata.namespace ?? 'default',
                entityName: e.metadata.name,
                description: e.metadata.description ?? null,
                type: text(spec.type) ?? null,
                lifecycle: text(spec.lifecycle) ?? null,
                system: text(spec.system) ?? null,
                domain: text(spec.domain) ?? null,
                ownerRef: ownerRef ?? null,
                owner: ownerRef ? ownerId(ownerRef) : null,
                repositories: repositories(annotations),
                imageRepositories: imageRepositories(annotations),
                catalogueTags: texts(e.metadata.tags),
                annotations,
            },
            tags: strings(e.metadata.labels),
            criticality: criticality(e, annotations),
        },
    };
}
/** A Group: a team, which becomes an owner (see pipeline/resolve-owners.ts). */
function group(e, scope) {
    const annotations = strings(e.metadata.annotations);
    const spec = e.spec ?? {};
    const profile = z.record(z.string(), z.unknown()).catch({}).parse(spec.profile ?? {});
    const ref = `group:${refOf(e)}`;
    return {
        type: 'asset',
        scope,
        asset: {
            uid: ref,
            kind: 'team',
            provider: 'backstage',
            name: text(profile.displayName) ?? e.metadata.title ?? e.metadata.name,
            properties: {
                ownerId: ownerId(ref),
                email: text(profile.email) ?? null,
                slack: annotations['slack.com/channel'] ?? null,
                jira: annotations['jira/project-key'] ?? null,
                type: text(spec.type) ?? null,
                parent: text(spec.parent) ?? null,
                members: texts(spec.members),
                catalogueRef: `Group ${refOf(e)}`,
            },
            tags: strings(e.metadata.labels),
        },
    };
}
/**
 * The records of one catalogue file: Components as `service` assets, Systems as `system` assets, Groups as
 * `team` assets. Other kinds (API, Resource, User, Domain, Location, Template) carry no ownership we use and
 * are skipped. The file is one scope, named by its first entity: `catalog-info.yaml` is every repository's
 * file name, so the name alone would make one repository's import sweep another's entities.
 */
export function backstageRecords(documents, where) {
    const entities = documents.map((doc, i) => {
        const r = Entity.safeParse(doc);
        if (!r.success) {
            const issue = r.error.issues[0];
            throw badInput(where, `document ${i + 1}${issue?.path.length ? ` field ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not a Backstage entity'}`);
        }
        return r.data;
    });
    const first = entities[0];
    if (!first)
        return [];
    const scope = `catalog:${first.kind.toLowerCase()}:${refOf(first)}`;
    const records = [];
    for (const e of entities) {
        switch (e.kind.toLowerCase()) {
            case 'component':
                records.push(owningEntity(e, scope, 'service', 'service'));
                break;
            case 'system':
                records.push(owningEntity(e, scope, 'system', 'system'));
                break;
            case 'group':
                records.push(group(e, scope));
                break;
            default: break;
        }
    }
    records.push({ type: 'coverage', scope, coverage: 'complete' });
    return records;
}
//# sourceMappingURL=backstage.js.map