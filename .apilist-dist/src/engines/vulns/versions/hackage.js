/** Haskell Data.Version order (Hackage, GHC): dot-separated integers compared as lists (1.0 < 1.0.0). */
import { compareNumberLists, isDigits } from './compare.js';
import { defineScheme } from './scheme.js';
export const hackage = defineScheme('hackage', (v) => v.trim().split('.').filter(isDigits), compareNumberLists, (v) => /^\d+(\.\d+)*$/.test(v.trim()));
//# sourceMappingURL=hackage.js.map