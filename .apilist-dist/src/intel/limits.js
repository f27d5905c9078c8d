export const DEFAULT_LIMITS = {
    maxDocumentBytes: 64 << 20,
    maxExpandedBytes: 32 * 2 ** 30,
    maxRecords: 20_000_000,
    maxLineBytes: 64 << 10,
};
//# sourceMappingURL=limits.js.map