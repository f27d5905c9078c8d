/** Gathers evidence per asset: several reasons for one label on one asset become one hit listing them all. */
export class HitSet {
    byAsset = new Map();
    add(assetUid, reason) {
        const reasons = this.byAsset.get(assetUid);
        if (reasons)
            reasons.push(reason);
        else
            this.byAsset.set(assetUid, [reason]);
    }
    /** The hits of `label`; `summarize` turns an asset's reasons into its evidence object. */
    hits(label, summarize) {
        return [...this.byAsset].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([assetUid, reasons]) => ({ assetUid, label, evidence: summarize(reasons) }));
    }
}
//# sourceMappingURL=labeler.js.map