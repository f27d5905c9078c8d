import { badInput } from '../../model/errors.js';
/**
 * Text reports (CSV, XML, SPDX tag-value) never hold a NUL character: one means a binary or corrupted
 * file. It is refused rather than read, because the store drops NULs, and two values differing only by
 * one (an account id, a scope) would otherwise become one after the parser had told them apart.
 */
export function refuseNul(text, where, format) {
    const at = text.indexOf('\u0000');
    if (at < 0)
        return;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw badInput(where, `${format} has a NUL character at line ${line}, column ${column}: not a text file, or a corrupted one`);
}
//# sourceMappingURL=text.js.map