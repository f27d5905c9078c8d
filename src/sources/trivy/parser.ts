import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord, Parser, ReportFile } from '../../model/index.js';
import { parseUntrustedJson } from '../json.js';
import { artifactOf } from './artifact.js';
import type { ReportContext } from './context.js';
import { FindingSet } from './finding-set.js';
import { misconfigSighting } from './misconfigs.js';
import { packageOf } from './packages.js';
import { TrivyEnvelope, TrivyResult, validate } from './schema.js';
import { secretSighting } from './secrets.js';
import { looksLikeTrivyJson } from './sniff.js';
import { finalizeVuln, vulnSighting } from './vulnerabilities.js';

/**
 * Packages get a scope of their own beside the artifact's: Trivy lists packages only with
 * --list-all-pkgs, and a report without them must not sweep the packages an earlier report listed.
 */
export function packagesScope(scope: string): string {
  return `${scope}#packages`;
}

async function* parseReport(file: ReportFile): AsyncGenerator<NormalizedRecord> {
  const where = file.name;
  const report = validate(TrivyEnvelope, parseUntrustedJson(await file.text(), where), where);
  if (report.SchemaVersion !== 2) {
    throw new MothershipError('UNSUPPORTED', `${where}: Trivy report SchemaVersion ${report.SchemaVersion} is not supported (only 2)`);
  }
  const artifact = artifactOf(report, where);
  const { scope } = artifact;
  const ctx: ReportContext = { assetUid: artifact.asset.uid, os: report.Metadata.OS };
  // A report read to the end is the whole truth about its artifact; a broken one throws before the run commits.
  yield { type: 'coverage', scope, coverage: 'complete' };
  yield { type: 'asset', scope, asset: artifact.asset };
  yield* artifact.related;

  const pkgScope = packagesScope(scope);
  const seenPackages = new Set<string>();
  const vulns = new FindingSet(finalizeVuln);
  const others = new FindingSet();
  for (const [i, raw] of report.Results.entries()) {
    const field = `Results[${i}]`;
    const result = validate(TrivyResult, raw, where, field);
    for (const pkg of result.Packages) {
      const p = packageOf(ctx, result, pkg);
      const key = `${p.purl}\u0000${p.path ?? ''}`;
      if (seenPackages.has(key)) continue; // one row per (asset, purl, path) in the store
      seenPackages.add(key);
      yield { type: 'package', scope: pkgScope, package: p };
    }
    for (const v of result.Vulnerabilities) {
      const s = vulnSighting(ctx, result, v);
      if (s) vulns.add(s);
    }
    for (const [j, m] of result.Misconfigurations.entries()) {
      const s = misconfigSighting(ctx, result, m, where, `${field}.Misconfigurations[${j}]`);
      if (s) others.add(s);
    }
    for (const s of result.Secrets) others.add(secretSighting(ctx, result, s));
  }
  if (seenPackages.size > 0) yield { type: 'coverage', scope: pkgScope, coverage: 'complete' };
  for (const finding of vulns.drain()) yield { type: 'finding', scope, finding };
  for (const finding of others.drain()) yield { type: 'finding', scope, finding };
}

/** Trivy's JSON report (`trivy image|fs|repo|sbom|vm --format json`), SchemaVersion 2. */
export const trivyJson: Parser = {
  id: 'trivy-json',
  type: 'trivy-json',
  version: 1,
  accepts: (file) => looksLikeTrivyJson(file.head),
  parse: (file) => parseReport(file),
};
