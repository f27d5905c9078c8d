import type { AssetInput, NormalizedRecord } from '../../model/index.js';
import { badInput } from '../../model/errors.js';
import { imageAsset, osProperties } from './image.js';
import type { TrivyEnvelope } from './schema.js';

/** What a report was run against: the asset every package and finding hangs on, and its scope. */
export interface Artifact {
  asset: AssetInput;
  /** The mark-and-sweep scope of this report: one per scanned artifact. */
  scope: string;
  /** Records about neighbours (the base image and the `based_on` edge). */
  related: NormalizedRecord[];
}

function image(report: TrivyEnvelope, where: string): Artifact {
  const md = report.Metadata;
  if (!report.ArtifactName && !md.ImageID && !md.RepoDigests.some((d) => d.trim() !== '')) {
    throw badInput(where, 'Trivy report field ArtifactName: empty, and the image has no ImageID or RepoDigests to be known by');
  }
  const { asset, base } = imageAsset(md, report.ArtifactName);
  // Image uids without a type prefix are digest references; the scope says what it is.
  const scope = asset.uid.startsWith('image:') ? asset.uid : `image:${asset.uid}`;
  const related: NormalizedRecord[] = base
    ? [{ type: 'asset', scope, asset: base.asset }, { type: 'relationship', scope, relationship: base.relationship }]
    : [];
  return { asset, scope, related };
}

function plain(prefix: string, kind: string, report: TrivyEnvelope, where: string, properties: Record<string, unknown>): Artifact {
  if (!report.ArtifactName) throw badInput(where, `Trivy report field ArtifactName: empty; a ${kind} is known only by its name`);
  const uid = `${prefix}${report.ArtifactName}`;
  return { asset: { uid, kind, name: report.ArtifactName, properties }, scope: uid, related: [] };
}

/**
 * The artifact asset by Trivy's ArtifactType. An SBOM that describes an image (it carries the image id or
 * digests) is that image; other SBOMs, file systems, repositories and VM images are keyed by their name.
 */
export function artifactOf(report: TrivyEnvelope, where: string): Artifact {
  const md = report.Metadata;
  const type = report.ArtifactType ?? '';
  switch (type) {
    case 'container_image':
      return image(report, where);
    case 'cyclonedx':
    case 'spdx':
      if (md.ImageID || md.RepoDigests.some((d) => d.trim() !== '')) return image(report, where);
      return plain('sbom:', 'sbom', report, where, { format: type, os: osProperties(md) });
    case 'repository':
      return plain('repo:', 'code.repository', report, where, {
        repoUrl: md.RepoURL ?? null, branch: md.Branch ?? null, commit: md.Commit ?? null,
      });
    case 'filesystem':
      return plain('fs:', 'filesystem', report, where, { os: osProperties(md) });
    case 'vm':
      return plain('vm:', 'vm.image', report, where, { os: osProperties(md) });
    default:
      return plain(`artifact:${type || 'unknown'}:`, 'artifact', report, where, { artifactType: type || null, os: osProperties(md) });
  }
}
