/**
 * R package_version order (CRAN, Bioconductor): integers separated by '.' or '-', compared as lists, so a
 * longer version extending a shorter one is newer (0.1.0 < 0.1.0.0).
 */
import { compareNumberLists, isDigits } from './compare.js';
import { defineScheme } from './scheme.js';
export const cran = defineScheme('cran', (v) => v.trim().split(/[.-]/).filter(isDigits), compareNumberLists, (v) => /^\d+([.-]\d+)+$/.test(v.trim()));
//# sourceMappingURL=cran.js.map