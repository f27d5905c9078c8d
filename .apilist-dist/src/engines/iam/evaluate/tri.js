export const triAnd = (a, b) => (a === 'F' || b === 'F' ? 'F' : a === 'U' || b === 'U' ? 'U' : 'T');
export const triOr = (a, b) => (a === 'T' || b === 'T' ? 'T' : a === 'U' || b === 'U' ? 'U' : 'F');
export const triNot = (a) => (a === 'T' ? 'F' : a === 'F' ? 'T' : 'U');
export const tri = (b) => (b ? 'T' : 'F');
//# sourceMappingURL=tri.js.map