/**
 * Expected failures carry a code and say what, where and why in one line; the CLI prints the message
 * without a stack and the server maps the code to an HTTP status in one place.
 */
export type ErrorCode =
  | 'BAD_INPUT'      // a file or field that is malformed
  | 'UNSUPPORTED'    // a format or option we do not handle
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DB'             // the database refused or failed
  | 'INTERRUPTED';

export class MothershipError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'MothershipError';
  }
}

/** A malformed input: names the file and the field or position, then what was expected. */
export function badInput(where: string, what: string, cause?: unknown): MothershipError {
  return new MothershipError('BAD_INPUT', `${where}: ${what}`, { cause });
}
