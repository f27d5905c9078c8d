import { lookupKey } from './context.js';
import { LITERAL_QUESTION, LITERAL_STAR } from './glob.js';
const VARIABLE = /\$\{([^}]*)\}/g;
export const hasVariables = (text) => text.includes('${');
/** The lowercased context keys a template's variables read (`${aws:username}`, `${aws:PrincipalTag/team, 'x'}`). */
export function variableKeys(template) {
    if (!hasVariables(template))
        return [];
    const keys = [];
    for (const [, body] of template.matchAll(VARIABLE)) {
        const inner = body.trim();
        if (inner === '*' || inner === '?' || inner === '$')
            continue;
        const withDefault = /^([^,]+),\s*'([^']*)'$/.exec(inner);
        keys.push((withDefault ? withDefault[1] : inner).trim().toLowerCase());
    }
    return keys;
}
/** A substituted value is literal text: its own `*` and `?` must not act as wildcards. */
const literal = (value) => value.replaceAll('*', LITERAL_STAR).replaceAll('?', LITERAL_QUESTION);
/**
 * Replaces policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, the default form
 * `${aws:username, 'fallback'}`, and the escapes `${*}`, `${?}`, `${$}` (a literal character).
 */
export function substitute(template, ctx) {
    let unknown = false;
    let absent = false;
    const text = template.replace(VARIABLE, (_, body) => {
        const inner = body.trim();
        if (inner === '*')
            return LITERAL_STAR;
        if (inner === '?')
            return LITERAL_QUESTION;
        if (inner === '$')
            return '$';
        const withDefault = /^([^,]+),\s*'([^']*)'$/.exec(inner);
        const key = (withDefault ? withDefault[1] : inner).trim();
        const found = lookupKey(ctx, key);
        if (found.kind === 'values' && found.values.length > 0)
            return literal(found.values[0]);
        if (withDefault)
            return literal(withDefault[2]);
        if (found.kind === 'unknown') {
            unknown = true;
            return '*';
        }
        absent = true;
        return '';
    });
    return { text, unknown, absent };
}
//# sourceMappingURL=variables.js.map