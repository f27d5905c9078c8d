/** `{0}` → arguments[0]; `{{` and `}}` are literal braces (§3.11.5). A missing argument is left as is. */
export function substitute(template, args) {
    return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, n) => {
        if (m === '{{')
            return '{';
        if (m === '}}')
            return '}';
        const v = args[Number(n)];
        return v ?? m;
    });
}
function plain(s) {
    return s?.text ?? s?.markdown ?? null;
}
/**
 * The text of a message (§3.11.7): its own text, else the string its id names in the rule's
 * messageStrings, else in the component's globalMessageStrings; then the arguments substituted.
 */
export function messageText(message, rule, component) {
    let template = message.text ?? null;
    if (template == null && message.id) {
        template = plain(rule?.messageStrings?.[message.id]) ?? plain(component?.globalMessageStrings?.[message.id]);
    }
    if (template == null)
        template = message.markdown ?? null;
    return template == null ? null : substitute(template, message.arguments);
}
/** A multiformat string's plain text, arguments-free (rule descriptions). */
export function descriptorText(s) {
    const t = plain(s)?.trim();
    return t ? t : null;
}
//# sourceMappingURL=message.js.map