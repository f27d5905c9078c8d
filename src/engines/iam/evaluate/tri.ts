/**
 * Three-valued logic: a condition on a context key we do not know is neither true nor false. `U` (unknown)
 * flows through and/or/not like SQL's NULL, so one evaluation answers both "may it be allowed?" and
 * "is it certainly allowed?".
 */
export type Tri = 'T' | 'F' | 'U';

export const triAnd = (a: Tri, b: Tri): Tri => (a === 'F' || b === 'F' ? 'F' : a === 'U' || b === 'U' ? 'U' : 'T');
export const triOr = (a: Tri, b: Tri): Tri => (a === 'T' || b === 'T' ? 'T' : a === 'U' || b === 'U' ? 'U' : 'F');
export const triNot = (a: Tri): Tri => (a === 'T' ? 'F' : a === 'F' ? 'T' : 'U');
export const tri = (b: boolean): Tri => (b ? 'T' : 'F');
