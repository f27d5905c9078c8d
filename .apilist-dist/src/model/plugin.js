export {};
//# sourceMappingURL=plugin.js.map