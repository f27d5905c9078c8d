export class MothershipError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
        this.name = 'MothershipError';
    }
}
/** A malformed input: names the file and the field or position, then what was expected. */
export function badInput(where, what, cause) {
    return new MothershipError('BAD_INPUT', `${where}: ${what}`, { cause });
}
//# sourceMappingURL=errors.js.map