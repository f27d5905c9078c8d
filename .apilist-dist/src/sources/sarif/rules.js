/** Looks rules up the way §3.52.3 says: by component and index first, then by id, then by the id's leading components. */
export class RuleIndex {
    run;
    byId = new Map();
    constructor(run) {
        this.run = run;
        for (const component of [run.tool.driver, ...run.tool.extensions]) {
            for (const descriptor of component.rules) {
                if (!this.byId.has(descriptor.id))
                    this.byId.set(descriptor.id, { descriptor, component });
            }
        }
    }
    componentOf(result) {
        const ref = result.rule?.toolComponent;
        const { driver, extensions } = this.run.tool;
        if (ref?.index != null)
            return extensions[ref.index] ?? driver;
        if (ref?.name)
            return extensions.find((e) => e.name === ref.name) ?? driver;
        return driver;
    }
    resolve(result) {
        const component = this.componentOf(result);
        const reported = result.ruleId ?? result.rule?.id ?? null;
        const index = result.rule?.index ?? result.ruleIndex;
        let descriptor = index != null && index >= 0 ? component.rules[index] : undefined;
        if (descriptor && reported && !sameRule(descriptor.id, reported))
            descriptor = undefined; // a stale index
        if (!descriptor && reported) {
            // `CA5350/md5` is rule CA5350 with a sub-id (§3.27.5).
            const parts = reported.split('/');
            for (let n = parts.length; n > 0 && !descriptor; n--) {
                const hit = this.byId.get(parts.slice(0, n).join('/'));
                if (hit)
                    return { id: reported, descriptor: hit.descriptor, component: hit.component };
            }
        }
        return { id: reported ?? descriptor?.id ?? null, descriptor, component };
    }
}
function sameRule(descriptorId, reported) {
    return reported === descriptorId || reported.startsWith(`${descriptorId}/`);
}
//# sourceMappingURL=rules.js.map