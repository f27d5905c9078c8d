const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `file:///home/a/b.c` → `/home/a/b.c`; `file:///C:/x.c` → `C:/x.c`; other URIs unchanged; undefined for non-file schemes. */
export function fileUriPath(uri) {
    if (!/^file:/i.test(uri))
        return undefined;
    let path;
    try {
        const u = new URL(uri);
        path = (u.hostname ? `//${u.hostname}` : '') + decodeURIComponent(u.pathname);
    }
    catch {
        path = uri.replace(/^file:\/*/i, '/');
    }
    path = path.replace(/\/{2,}/g, '/');
    return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}
function decode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
function joinPath(base, rel) {
    if (!base)
        return rel;
    return `${base.replace(/\/+$/, '')}/${rel.replace(/^\.?\/+/, '')}`;
}
/**
 * Resolves artifact locations of one run (§3.4): follows `index` into `run.artifacts` and relative
 * `uriBaseId` chains through `originalUriBaseIds`, and makes absolute file paths relative to the checkout
 * root (an absolute base id or the invocation's working directory), so identities survive a new build dir.
 */
export class LocationResolver {
    run;
    /** Absolute checkout directories, longest first, each ending in `/`. */
    roots;
    constructor(run) {
        this.run = run;
        const roots = new Set();
        for (const base of Object.values(run.originalUriBaseIds ?? {})) {
            const p = base.uri ? fileUriPath(base.uri.trim()) : undefined;
            if (p)
                roots.add(p);
        }
        for (const inv of run.invocations) {
            const p = inv.workingDirectory?.uri ? fileUriPath(inv.workingDirectory.uri.trim()) : undefined;
            if (p)
                roots.add(p);
        }
        this.roots = [...roots].map((r) => (r.endsWith('/') ? r : `${r}/`)).filter((r) => r !== '/').sort((a, b) => b.length - a.length);
    }
    /** The artifact's path: relative to the checkout where possible; null when the location names no artifact. */
    path(al) {
        if (!al)
            return null;
        const artifact = al.index != null && al.index >= 0 ? this.run.artifacts[al.index]?.location : undefined;
        let uri = (al.uri ?? artifact?.uri ?? '').trim();
        let baseId = al.uriBaseId ?? (al.uri ? undefined : artifact?.uriBaseId) ?? undefined;
        if (!uri)
            return null;
        // Relative bases prefix the uri; an absolute base (the checkout itself) ends the chain.
        const seen = new Set();
        while (baseId && !SCHEME.test(uri) && !uri.startsWith('/')) {
            const base = this.run.originalUriBaseIds?.[baseId];
            if (!base || seen.has(baseId))
                break;
            seen.add(baseId);
            const b = (base.uri ?? '').trim();
            if (SCHEME.test(b) || b.startsWith('/'))
                break;
            uri = joinPath(b, uri);
            baseId = base.uriBaseId ?? undefined;
        }
        const file = fileUriPath(uri);
        if (file === undefined && SCHEME.test(uri) && !/^[A-Za-z]:[\\/]/.test(uri))
            return uri; // https://, npm/, ...
        let path = (file ?? decode(uri)).replace(/\\/g, '/');
        const root = this.roots.find((r) => path.startsWith(r));
        if (root)
            path = path.slice(root.length);
        return path.replace(/^\.\//, '') || null;
    }
    resolve(loc) {
        const region = loc?.physicalLocation?.region;
        const logical = loc?.logicalLocations.map((l) => l.fullyQualifiedName ?? l.name).find((n) => n) ?? null;
        return {
            path: this.path(loc?.physicalLocation?.artifactLocation),
            startLine: region?.startLine ?? null,
            endLine: region?.endLine ?? region?.startLine ?? null,
            startColumn: region?.startColumn ?? null,
            endColumn: region?.endColumn ?? null,
            logical,
        };
    }
}
//# sourceMappingURL=locations.js.map