import type { AssetDraft, AssetInput } from './asset.js';
import type { FindingDraft, FindingInput } from './finding.js';
import type { LabelDraft, LabelInput } from './label.js';
import type { PackageDraft, PackageInput } from './package.js';
import type { RelationshipDraft, RelationshipInput } from './relationship.js';
import type { Coverage } from './scope.js';

/**
 * What every source yields: items, each in a scope, and a coverage statement per scope.
 * Items are validated by the pipeline at the edge (model schemas); sources may emit inputs with defaults left out.
 */
export type NormalizedRecord =
  | { type: 'asset'; scope: string; asset: AssetInput }
  | { type: 'relationship'; scope: string; relationship: RelationshipInput }
  | { type: 'package'; scope: string; package: PackageInput }
  | { type: 'finding'; scope: string; finding: FindingInput }
  | { type: 'label'; scope: string; label: LabelInput }
  | { type: 'coverage'; scope: string; coverage: Coverage; error?: string | null };

export type ValidRecord =
  | { type: 'asset'; scope: string; asset: AssetDraft }
  | { type: 'relationship'; scope: string; relationship: RelationshipDraft }
  | { type: 'package'; scope: string; package: PackageDraft }
  | { type: 'finding'; scope: string; finding: FindingDraft }
  | { type: 'label'; scope: string; label: LabelDraft }
  | { type: 'coverage'; scope: string; coverage: Coverage; error?: string | null };
