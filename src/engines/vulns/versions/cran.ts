/**
 * R package_version order (CRAN, Bioconductor): integers separated by '.' or '-', compared as lists, so a
 * longer version extending a shorter one is newer (0.1.0 < 0.1.0.0).
 */
import { compareNumberLists, isDigits } from './compare.js';
import { defineScheme, type ParsingScheme } from './scheme.js';

export const cran: ParsingScheme<readonly string[]> = defineScheme(
  'cran',
  (v) => v.trim().split(/[.-]/).filter(isDigits),
  compareNumberLists,
  (v) => /^\d+([.-]\d+)+$/.test(v.trim()),
);
