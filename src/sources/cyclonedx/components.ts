import { badInput } from '../../model/errors.js';
import { propertyMap, trivyProp } from './properties.js';
import type { SbomComponent } from './sbom-component.js';
import { CdxComponent } from './schema.js';
import { validateAt } from '../shared/validate.js';

/** Deepest component nesting accepted: real BOMs (jars in wars in images) stay far below. */
export const MAX_COMPONENT_DEPTH = 32;

/** A validated CycloneDX component as a format-neutral SBOM component. */
export function toSbomComponent(c: CdxComponent): SbomComponent {
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
export function componentAt(raw: unknown, where: string, field: string): CdxComponent {
  return validateAt(CdxComponent, raw, where, 'CycloneDX', field);
}

/**
 * Every component, nested ones included (a container's packages, a jar's shaded jars), in document order.
 * Nesting deeper than MAX_COMPONENT_DEPTH is refused with the field that goes too deep.
 */
export function* flattenComponents(list: readonly unknown[], where: string, prefix = 'components', depth = 1): Generator<SbomComponent> {
  for (const [i, raw] of list.entries()) {
    const field = `${prefix}[${i}]`;
    const c = componentAt(raw, where, field);
    yield toSbomComponent(c);
    if (c.components.length === 0) continue;
    if (depth >= MAX_COMPONENT_DEPTH) throw badInput(where, `CycloneDX field ${field}.components: nested deeper than ${MAX_COMPONENT_DEPTH} levels`);
    yield* flattenComponents(c.components, where, `${field}.components`, depth + 1);
  }
}

/** Trivy lists a lockfile or language result as an `application` component of Class `lang-pkgs`. */
export function isTrivyLockfile(c: SbomComponent): boolean {
  return trivyProp(c.properties, 'Class') === 'lang-pkgs' && !c.purl;
}

/**
 * The lockfile each package was found in, for Trivy SBOMs where packages hang under a lockfile
 * component through the dependency graph (directly or transitively): the first lockfile reaching it.
 */
export function lockfilesByRef(components: readonly SbomComponent[], edges: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const lock of components) {
    if (!lock.ref || !isTrivyLockfile(lock)) continue;
    const queue = [...(edges.get(lock.ref) ?? [])];
    for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
      if (out.has(ref)) continue;
      out.set(ref, lock.name);
      queue.push(...(edges.get(ref) ?? []));
    }
  }
  return out;
}
