/** Haskell Data.Version order (Hackage, GHC): dot-separated integers compared as lists (1.0 < 1.0.0). */
import { compareNumberLists, isDigits } from './compare.js';
import { defineScheme, type ParsingScheme } from './scheme.js';

export const hackage: ParsingScheme<readonly string[]> = defineScheme(
  'hackage',
  (v) => v.trim().split('.').filter(isDigits),
  compareNumberLists,
  (v) => /^\d+(\.\d+)*$/.test(v.trim()),
);
