import { badInput } from '../../model/errors.js';
/** Checks the shape of a successful call; a mismatch names the file and the field. */
export function validated(schema, result) {
    if (result.status !== 'ok')
        return result;
    return { ...result, data: parseShape(schema, result.data, result.where) };
}
/** Parses a value against a schema or throws BAD_INPUT naming `where`, the field path and what was expected. */
export function parseShape(schema, value, where, fieldPrefix = '') {
    const r = schema.safeParse(value);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const path = [fieldPrefix, ...(issue?.path ?? []).map(String)].filter((p) => p !== '').join('.');
    throw badInput(where, `${path ? `field ${path}: ` : ''}${issue?.message ?? 'unexpected shape'}`);
}
/** One line saying why a call did not contribute, e.g. `ec2-describe-instances: AccessDenied: ...`. */
export function describeFailure(result) {
    if (result.status === 'missing')
        return `${result.call}: not collected`;
    if (result.status === 'error')
        return `${result.call}: ${result.code}${result.message ? `: ${result.message}` : ''}`;
    return null;
}
/**
 * The coverage of a scope from the list calls that enumerate it, plus problems found on per-resource calls:
 * nothing when no list call was collected; `complete` only when every list call worked and no detail call
 * was refused; `failed` when none worked; `partial` otherwise (a missing list call means its kind of
 * resource was not seen, so the scope cannot be swept whole).
 */
export function scopeCoverage(scope, listCalls, detailProblems = []) {
    if (listCalls.every((c) => c.status === 'missing'))
        return null;
    const worked = listCalls.filter((c) => c.status === 'ok').length;
    const problems = [...listCalls.map(describeFailure).filter((p) => p !== null), ...detailProblems];
    if (problems.length === 0)
        return { type: 'coverage', scope, coverage: 'complete' };
    const error = problems.length > 5 ? `${problems.slice(0, 5).join('; ')}; (+${problems.length - 5} more)` : problems.join('; ');
    return { type: 'coverage', scope, coverage: worked === 0 ? 'failed' : 'partial', error };
}
/**
 * Error codes by which a service answers "there is none" (Security Hub not enabled, no password policy)
 * are an answer, not a failure: read as a successful call returning `data`.
 */
export function noneAs(result, codes, data) {
    if (result.status !== 'error' || !codes.includes(result.code))
        return result;
    return { status: 'ok', call: result.call, where: result.call, data };
}
/** The outcome of a call whose `noneCodes` errors mean "this resource has none": a fact to record, not a failure. */
export function callOutcome(result, schema, noneCodes, value) {
    if (result.status === 'missing')
        return { kind: 'missing' };
    if (result.status === 'error')
        return noneCodes.includes(result.code) ? { kind: 'none' } : { kind: 'refused', problem: describeFailure(result) ?? result.code };
    return { kind: 'value', value: value(parseShape(schema, result.data, result.where), result.where) };
}
//# sourceMappingURL=call-result.js.map