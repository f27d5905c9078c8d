import { callSet } from '../service.js';
export function planCallSet(results) {
    return callSet(results.calls, results.resources);
}
/**
 * Runs a plan as the dump reader reads it: the region-level calls together, then each per-resource step
 * in order (a later step may name its resources from an earlier one's results), its resources together.
 * The runner bounds how many requests are in flight.
 */
export async function executePlan(plan, run) {
    const results = { calls: new Map(), resources: new Map() };
    const read = planCallSet(results);
    const listed = await Promise.all(plan.calls.map((call) => run(call, null, read)));
    plan.calls.forEach((call, i) => results.calls.set(call, listed[i]));
    for (const step of plan.perResource) {
        const names = [...new Set(step.resources(read))];
        const done = await Promise.all(names.map((name) => run(step.call, name, read)));
        results.resources.set(step.call, new Map(names.map((name, i) => [name, done[i]])));
    }
    return results;
}
/** An SDK failure as the CLI reports it: the service's error code (AccessDenied...), or the network's (ENOTFOUND...). */
export function failedCall(call, e) {
    const err = e;
    const service = typeof err.$fault === 'string' && typeof err.name === 'string';
    const network = typeof err.code === 'string';
    const timeout = err.name === 'TimeoutError' || err.name === 'CredentialsProviderError';
    // Anything else is a bug of ours, not an answer from AWS: it must not pass for a refused call.
    if (!service && !network && !timeout)
        throw e;
    // XML protocols keep the wire code in `Code` (IAM's `NoSuchEntity`, whose SDK class is NoSuchEntityException): the CLI prints that one.
    const code = service ? (typeof err.Code === 'string' ? err.Code : err.name) : network ? err.code : err.name;
    return { status: 'error', call, code, message: typeof err.message === 'string' ? err.message : '' };
}
//# sourceMappingURL=execute-plan.js.map