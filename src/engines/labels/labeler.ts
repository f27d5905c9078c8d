import type { EngineContext } from '../engine.js';
import type { LabelsConfig } from './config.js';

/** One label on one asset and why. */
export interface LabelHit {
  assetUid: string;
  label: string;
  evidence: Record<string, unknown>;
}

/**
 * Computes some labels over the stored inventory. `labels` names every label it may assert: each is a scope
 * of its own (`labels:<label>`), complete when compute() succeeded, failed (nothing removed) when it threw.
 */
export interface Labeler {
  readonly name: string;
  labels(config: LabelsConfig): readonly string[];
  compute(ctx: Pick<EngineContext, 'db' | 'log'>, config: LabelsConfig): Promise<LabelHit[]>;
}

/** Gathers evidence per asset: several reasons for one label on one asset become one hit listing them all. */
export class HitSet {
  private readonly byAsset = new Map<string, Record<string, unknown>[]>();

  add(assetUid: string, reason: Record<string, unknown>): void {
    const reasons = this.byAsset.get(assetUid);
    if (reasons) reasons.push(reason);
    else this.byAsset.set(assetUid, [reason]);
  }

  /** The hits of `label`; `summarize` turns an asset's reasons into its evidence object. */
  hits(label: string, summarize: (reasons: Record<string, unknown>[]) => Record<string, unknown>): LabelHit[] {
    return [...this.byAsset].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([assetUid, reasons]) => ({ assetUid, label, evidence: summarize(reasons) }));
  }
}
