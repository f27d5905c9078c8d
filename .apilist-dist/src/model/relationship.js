import { z } from 'zod';
/** Edge kinds of the security graph. Extend here; the store accepts any dotted lowercase kind. */
export const RELATIONSHIP_KINDS = [
    'has_role', 'in_security_group', 'in_subnet', 'in_vpc', 'exposed_by', 'runs_image', 'based_on',
    'member_of', 'can_assume', 'owned_by', 'attached_policy', 'in_account', 'contains', 'targets',
    'associated_with', 'routes_to', 'attached_to', 'snapshot_of', 'logs_to',
    // Kubernetes
    'uses_service_account', 'manages', 'selects', 'binds_role', 'grants_to', 'assumes_role', 'runs_on',
];
export const RelationshipDraft = z.object({
    from: z.string().min(1),
    kind: z.string().regex(/^[a-z][a-z0-9_]*$/, 'relationship kind must be snake_case'),
    to: z.string().min(1),
    properties: z.record(z.string(), z.unknown()).default({}),
});
//# sourceMappingURL=relationship.js.map