import { z } from 'zod';
/** A share list as EC2 prints it (createVolumePermission, launchPermission): accounts, organizations or the group `all`. */
export const SharePermissions = z.array(z.looseObject({ Group: z.string().optional(), UserId: z.string().optional() }));
/** Shared with the group `all`: anyone with an AWS account can use it. */
export function sharedWithAll(permissions) {
    return permissions.some((p) => p.Group === 'all');
}
//# sourceMappingURL=permissions.js.map