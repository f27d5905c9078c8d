export * from './asset.js';
export * from './finding.js';
export * from './label.js';
export * from './package.js';
export * from './plugin.js';
export * from './record.js';
export * from './relationship.js';
export * from './scope.js';
//# sourceMappingURL=index.js.map