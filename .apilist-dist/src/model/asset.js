import { z } from 'zod';
/** A thing in the estate, keyed by a stable uid (ARN, k8s path, image digest reference, purl, github:org/repo). */
export const AssetDraft = z.object({
    uid: z.string().min(1),
    /** Dotted kind: provider.service.resource, e.g. `aws.ec2.instance`, `container.image`, `service`. */
    kind: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)*$/, 'kind must be dotted lowercase, e.g. aws.ec2.instance'),
    name: z.string().nullable().default(null),
    provider: z.string().nullable().default(null),
    account: z.string().nullable().default(null),
    region: z.string().nullable().default(null),
    /** Provider configuration as returned by the API, kept whole so rules can read any field. */
    properties: z.record(z.string(), z.unknown()).default({}),
    tags: z.record(z.string(), z.string()).default({}),
    owner: z.string().nullable().default(null),
    ownerReason: z.string().nullable().default(null),
    environment: z.string().nullable().default(null),
    criticality: z.string().nullable().default(null),
    /**
     * A reference only: the source knows the asset exists (a finding points at it) but does not define it.
     * A reference creates a placeholder when the asset is unknown and never overwrites a definition.
     */
    reference: z.boolean().default(false),
});
//# sourceMappingURL=asset.js.map