export {};
//# sourceMappingURL=db.js.map