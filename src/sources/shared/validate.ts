import type { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { fieldPath } from '../trivy/schema.js';

/**
 * Validates one part of a report against its schema; a failure names the file, the format and the field,
 * e.g. `scan.sarif: SARIF field runs[0].results[3].level: Invalid option...`.
 */
export function validateAt<T>(schema: z.ZodType<T>, value: unknown, where: string, format: string, prefix = ''): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = fieldPath(issue?.path ?? [], prefix) || prefix || '(document)';
  throw badInput(where, `${format} field ${field}: ${issue?.message ?? 'invalid'}`);
}
