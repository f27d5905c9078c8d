import type { EngineContext } from '../../engine.js';
import { IamModel, type IamModelOptions } from './iam-model.js';

/**
 * The IAM model of this analyze run: built once and shared by the engines that read it (IAM analysis, attack
 * paths), so the paths engine reuses the escalations the IAM engine already computed. The inventory it is
 * built from (assets, relationships) is not written by engines, so it holds for the whole run. Options that
 * change the model (SCPs, another chain depth) give an engine a model of its own.
 */
export function runIamModel(ctx: EngineContext, options: IamModelOptions = {}): Promise<IamModel> {
  const standard = options.scps === undefined && (options.maxChainDepth ?? 4) === 4;
  if (!ctx.shared || !standard) return IamModel.fromStore(ctx.db, options);
  return ctx.shared.once('iam-model', () => IamModel.fromStore(ctx.db, options));
}
