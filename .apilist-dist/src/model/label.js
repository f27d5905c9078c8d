import { z } from 'zod';
/**
 * A derived label an engine asserts on an asset (`isPublic`, `Unencrypted`, ...), with the evidence that
 * says why. Labels are synced like any item: a complete run of the label's scope drops what it no longer
 * asserts, and `assets.labels` holds the distinct labels of each asset.
 */
export const LabelDraft = z.object({
    assetUid: z.string().min(1),
    /** A word, e.g. `isPublic`, `HighlyPermissiveRole`, `Log4J`: letters, digits, `.`, `_`, `-`. */
    label: z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, 'label must be a word of letters, digits, . _ - (at most 64)'),
    evidence: z.record(z.string(), z.unknown()).default({}),
});
//# sourceMappingURL=label.js.map