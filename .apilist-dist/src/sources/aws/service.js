import { z } from 'zod';
import { callOutcome } from './call-result.js';
import { isRecord } from './policy-document.js';
/** A CallSet over what was read; what is not in the maps is `missing`. */
export function callSet(calls, resources) {
    return {
        call: (name) => calls.get(name) ?? { status: 'missing', call: name },
        resource: (call, resource) => resources.get(call)?.get(resource) ?? { status: 'missing', call: `${call}/${resource}` },
    };
}
/**
 * A resource name that becomes a file name in a dump. AWS names never need more than these characters;
 * `/` (ECR repository namespaces) makes sub-folders, and `.`/`..` segments are refused so no name escapes the dump.
 */
export const ResourceName = z.string()
    .regex(/^[\w.:@+=,-]+(\/[\w.:@+=,-]+)*$/, 'cannot name a file in a dump')
    .refine((n) => !n.split('/').some((s) => s === '.' || s === '..'), 'cannot name a file in a dump');
/** The items of a list call that worked, for naming per-resource calls; nothing when it did not. */
export function listed(result, schema, items) {
    if (result.status !== 'ok')
        return [];
    const r = schema.safeParse(result.data);
    // A wrong shape is reported by the normalizer, which names the file and the field.
    return r.success ? items(r.data) : [];
}
/**
 * Fills a resource's properties from its per-resource calls: a value is set, "there is none" is null, a call
 * not collected leaves the property out, a refusal is kept in `CollectionErrors` and made a problem of the scope.
 */
export class ResourceDetails {
    calls;
    problems = [];
    constructor(calls) {
        this.calls = calls;
    }
    outcome(call, resource, schema, noneCodes, value) {
        const o = callOutcome(this.calls.resource(call, resource), schema, noneCodes, value);
        if (o.kind === 'refused')
            this.problems.push(o.problem);
        return o;
    }
    /**
     * A call that enumerates items (images of a repository, targets of a group): not collected means items
     * were not seen, so the scope cannot be swept whole.
     */
    required(call, resource, schema, noneCodes, value) {
        const o = this.outcome(call, resource, schema, noneCodes, value);
        if (o.kind === 'missing')
            this.problems.push(`${call}/${resource}: not collected`);
        return o;
    }
    fill(properties, key, call, resource, schema, noneCodes, value) {
        return setOutcome(properties, key, call, this.outcome(call, resource, schema, noneCodes, value));
    }
}
/** Sets `key` from an outcome, recording a refusal under `CollectionErrors.<call>`. */
function setOutcome(properties, key, call, o) {
    if (o.kind === 'value')
        properties[key] = o.value;
    else if (o.kind === 'none')
        properties[key] = null;
    else if (o.kind === 'refused') {
        const errors = isRecord(properties.CollectionErrors) ? properties.CollectionErrors : {};
        properties.CollectionErrors = { ...errors, [call]: o.problem };
    }
    return o;
}
//# sourceMappingURL=service.js.map