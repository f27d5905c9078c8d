import { z } from 'zod';
/** One installed package on one asset (image, host, repository). */
export const PackageDraft = z.object({
    assetUid: z.string().min(1),
    /** Package URL with version, e.g. pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12. */
    purl: z.string().startsWith('pkg:', 'purl must start with pkg:'),
    ecosystem: z.string().min(1),
    name: z.string().min(1),
    version: z.string(),
    /** Distro source package (binary libssl3 comes from source openssl); matching uses it. */
    sourceName: z.string().nullable().default(null),
    sourceVersion: z.string().nullable().default(null),
    layerDigest: z.string().nullable().default(null),
    /** Where it was found (lockfile, jar path); '' for OS packages. Part of the identity. */
    path: z.string().default(''),
    licenses: z.array(z.string()).default([]),
});
//# sourceMappingURL=package.js.map