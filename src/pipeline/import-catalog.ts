import { extname } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Db } from '../store/db.js';
import { badInput } from '../model/errors.js';
import { isBackstage, isOwnersFile } from '../sources/catalog/parser.js';
import { headText, openReportFile } from '../sources/report-file.js';
import { ingestFile, walkFiles, type IngestResult } from './ingest.js';

const YAML = new Set(['.yaml', '.yml']);

/** The catalogue parser a file needs: Backstage entities or an owners file; anything else is refused. */
async function catalogType(path: string): Promise<'backstage-yaml' | 'owners-yaml'> {
  const head = headText((await openReportFile(path)).head);
  if (isBackstage(head)) return 'backstage-yaml';
  if (isOwnersFile(head)) return 'owners-yaml';
  throw badInput(path, 'not a Backstage catalog-info.yaml (apiVersion: backstage.io/...) nor an owners.yaml (teams:/rules:); see docs/ownership.md');
}

/**
 * `import catalog <file|dir>`: the catalogue files under the paths, each ingested as `mothership ingest`
 * would (one run per file, scoped as docs/ownership.md says). In a directory only `.yaml`/`.yml` files are
 * read and those that are neither kind of catalogue are skipped (repositories hold other YAML); a file
 * named explicitly must be one.
 */
export async function importCatalog(db: Db, paths: readonly string[], options: { log?: (m: string) => void } = {}): Promise<IngestResult[]> {
  const log = options.log ?? (() => undefined);
  const explicit = new Set<string>();
  for (const p of paths) if ((await stat(p).catch(() => null))?.isFile()) explicit.add(p);
  const results: IngestResult[] = [];
  for await (const file of walkFiles(paths)) {
    if (!explicit.has(file)) {
      if (!YAML.has(extname(file).toLowerCase())) continue;
      const type = await catalogType(file).catch(() => undefined);
      if (!type) {
        log(`${file}: skipped, not a catalogue file`);
        continue;
      }
      results.push(await ingestFile(db, file, { type }));
    } else {
      results.push(await ingestFile(db, file, { type: await catalogType(file) }));
    }
  }
  if (results.length === 0) throw badInput(paths.join(', '), 'no catalog-info.yaml or owners.yaml found');
  return results;
}
