import { badInput } from '../../model/errors.js';
import { propertyMap, trivyProp } from './properties.js';
import { CdxComponent } from './schema.js';
import { validateAt } from '../shared/validate.js';
/** Deepest component nesting accepted: real BOMs (jars in wars in images) stay far below. */
export const MAX_COMPONENT_DEPTH = 32;
/** A validated CycloneDX component as a format-neutral SBOM component. */
export function toSbomComponent(c) {
    const licenses = c.licenses.flatMap((l) => {
        const v = l.license?.id || l.license?.name || l.expression;
        return v ? [v] : [];
    });
    return {
        ref: c['bom-ref'] || null,
        type: c.type?.toLowerCase() || null,
        group: c.group || null,
        name: c.name ?? '',
        version: c.version ?? '',
        purl: c.purl?.trim() || null,
        licenses,
        properties: propertyMap(c.properties),
    };
}
/** Validates one component at `field`, e.g. `metadata.component`. */
export function componentAt(raw, where, field) {
    return validateAt(CdxComponent, raw, where, 'CycloneDX', field);
}
/**
 * Every component, nested ones included (a container's packages, a jar's shaded jars), in document order.
 * Nesting deeper than MAX_COMPONENT_DEPTH is refused with the field that goes too deep.
 */
export function* flattenComponents(list, where, prefix = 'components', depth = 1) {
    for (const [i, raw] of list.entries()) {
        const field = `${prefix}[${i}]`;
        const c = componentAt(raw, where, field);
        yield toSbomComponent(c);
        if (c.components.length === 0)
            continue;
        if (depth >= MAX_COMPONENT_DEPTH)
            throw badInput(where, `CycloneDX field ${field}.components: nested deeper than ${MAX_COMPONENT_DEPTH} levels`);
        yield* flattenComponents(c.components, where, `${field}.components`, depth + 1);
    }
}
/** Trivy lists a lockfile or language result as an `application` component of Class `lang-pkgs`. */
export function isTrivyLockfile(c) {
    return trivyProp(c.properties, 'Class') === 'lang-pkgs' && !c.purl;
}
/**
 * The lockfile each package was found in, for Trivy SBOMs where packages hang under a lockfile
 * component through the dependency graph (directly or transitively): the first lockfile reaching it.
 */
export function lockfilesByRef(components, edges) {
    const out = new Map();
    for (const lock of components) {
        if (!lock.ref || !isTrivyLockfile(lock))
            continue;
        const queue = [...(edges.get(lock.ref) ?? [])];
        for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
            if (out.has(ref))
                continue;
            out.set(ref, lock.name);
            queue.push(...(edges.get(ref) ?? []));
        }
    }
    return out;
}
//# sourceMappingURL=components.js.map