import type { Message, MultiformatMessage, ReportingDescriptor, ToolComponent } from './schema.js';

/** `{0}` → arguments[0]; `{{` and `}}` are literal braces (§3.11.5). A missing argument is left as is. */
export function substitute(template: string, args: readonly string[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m: string, n: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const v = args[Number(n)];
    return v ?? m;
  });
}

function plain(s: MultiformatMessage | null | undefined): string | null {
  return s?.text ?? s?.markdown ?? null;
}

/**
 * The text of a message (§3.11.7): its own text, else the string its id names in the rule's
 * messageStrings, else in the component's globalMessageStrings; then the arguments substituted.
 */
export function messageText(message: Message, rule: ReportingDescriptor | undefined, component: ToolComponent | undefined): string | null {
  let template = message.text ?? null;
  if (template == null && message.id) {
    template = plain(rule?.messageStrings?.[message.id]) ?? plain(component?.globalMessageStrings?.[message.id]);
  }
  if (template == null) template = message.markdown ?? null;
  return template == null ? null : substitute(template, message.arguments);
}

/** A multiformat string's plain text, arguments-free (rule descriptions). */
export function descriptorText(s: MultiformatMessage | null | undefined): string | null {
  const t = plain(s)?.trim();
  return t ? t : null;
}
