/** What generateOrganization wrote, also saved as `<outDir>/manifest.json`: the demo's and tests' answer key. */
/** Adds uids to a rule's planted list. */
export function plantRule(plants, ruleId, ...uids) {
    if (uids.length === 0)
        return;
    plants[ruleId] = [...(plants[ruleId] ?? []), ...uids];
}
export function emptyPlanted() {
    return {
        publicBuckets: [],
        publicBucketDecoys: [],
        openSecurityGroups: [],
        webSecurityGroups: [],
        privateOnlySecurityGroups: [],
        imdsV1Instances: [],
        overPrivilegedRoles: [],
        adminUsers: [],
        attackChains: [],
        attackChainDecoys: [],
        untaggedResources: [],
        log4shellImages: [],
        widespreadCves: [],
        rules: {},
    };
}
//# sourceMappingURL=manifest.js.map