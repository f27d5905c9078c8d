/** The image layer an item came from, as evidence; null outside images. */
export function layerOf(layer) {
    if (!layer || (!layer.Digest && !layer.DiffID))
        return null;
    return { digest: layer.Digest || null, diffId: layer.DiffID || null };
}
/**
 * Packages get a scope of their own beside the artifact's: Trivy lists packages only with
 * --list-all-pkgs, and a report without them must not sweep the packages an earlier report listed.
 */
export function packagesScope(scope) {
    return `${scope}#packages`;
}
//# sourceMappingURL=context.js.map