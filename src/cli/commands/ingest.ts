import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { withDb, parseFormat, seconds } from '../context.js';
import { progress } from '../progress.js';
import { assetUidOption, ingestFile, walkFiles } from '../../pipeline/ingest.js';
import { importDump, importK8sListFile } from '../../pipeline/import-dump.js';
import { importCatalog } from '../../pipeline/import-catalog.js';
import { importDeploymentsFile } from '../../pipeline/import-deployments.js';
import { MothershipError } from '../../model/errors.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest scanner reports and SBOMs (type sniffed from content; directories walked)')
    .argument('<paths...>', 'files or directories')
    .option('--type <type>', 'force the report type')
    .option('--owner <team>', 'owner of what these reports describe, when they name none')
    .option('--asset <uid>', 'uid of the asset the reports are about (e.g. repo:github.com/org/app), over what they say or when they say nothing')
    .option('--format <format>', 'table (a line per file) or json (an object per line per file)', parseFormat, 'table')
    .action(async (paths: string[], opts: { type?: string; owner?: string; asset?: string; format: string }, cmd: Command) => {
      // A bad uid fails once, before any file is read, not once per file.
      const asset = assetUidOption(opts.asset, 'ingest');
      await withDb(cmd, async (db) => {
        let failed = 0;
        for await (const file of walkFiles(paths)) {
          const bar = progress(file);
          try {
            const r = await ingestFile(db, file, { type: opts.type, owner: opts.owner, asset, onProgress: (n) => bar.update(n) });
            bar.stop();
            const line = { file, type: r.type, assets: r.counts.assets.seen, packages: r.counts.packages.seen, findings: r.counts.findings.seen,
              new: r.counts.findings.new, resolved: r.counts.findings.resolved, errors: [] as string[] };
            if (opts.format === 'json') process.stdout.write(JSON.stringify(line) + '\n');
            else process.stdout.write(`${file}: ${r.type}, ${line.assets} assets, ${line.packages} packages, ${line.findings} findings (${line.new} new, ${line.resolved} resolved) in ${seconds(r.ms)}\n`);
          } catch (e) {
            bar.stop();
            failed++;
            const message = e instanceof Error ? e.message : String(e);
            if (opts.format === 'json') process.stdout.write(JSON.stringify({ file, type: opts.type ?? null, assets: 0, packages: 0, findings: 0, new: 0, resolved: 0, errors: [message] }) + '\n');
            else process.stderr.write(`error: ${message}\n`);
          }
        }
        if (failed > 0) throw new MothershipError('BAD_INPUT', `${failed} file(s) not ingested; nothing was written for them`);
      });
    });

  program
    .command('import')
    .description('import offline data: a collector dump directory (aws, k8s), a kubectl List file (k8s --cluster), catalog files, deployment events')
    .argument('<layout>', 'aws, k8s, catalog or deployments')
    .argument('<paths...>', 'dump directory; for k8s also one `kubectl get <kinds> -A -o json` file; for catalog files or directories; for deployments a JSON file')
    .option('--cluster <name>', 'k8s from a single List file: the cluster it was listed from')
    .action(async (layout: string, paths: string[], opts: { cluster?: string }, cmd: Command) => {
      if (layout === 'catalog') {
        await withDb(cmd, async (db) => {
          for (const r of await importCatalog(db, paths, { log: (m) => process.stderr.write(`${m}\n`) })) {
            process.stdout.write(`${r.file}: ${r.type}, ${r.counts.assets.seen} assets (+${r.counts.assets.inserted} ~${r.counts.assets.updated} -${r.counts.assets.gone}) in ${seconds(r.ms)}\n`);
          }
        });
        return;
      }
      if (paths.length !== 1) throw new MothershipError('BAD_INPUT', `import ${layout}: one path expected, got ${paths.length}`);
      const path = paths[0]!;
      const isFile = (await stat(path).catch(() => null))?.isFile() ?? false;
      if (layout === 'k8s' && isFile && !opts.cluster) {
        throw new MothershipError('BAD_INPUT', `${path}: a single List file needs --cluster <name> (the cluster it was listed from)`);
      }
      if (opts.cluster && !(layout === 'k8s' && isFile)) {
        throw new MothershipError('BAD_INPUT', '--cluster applies to `import k8s <file>` only (a dump directory names its clusters)');
      }
      await withDb(cmd, async (db) => {
        const bar = progress(`import ${layout}`);
        const onProgress = (n: number) => bar.update(n);
        const r = await (layout === 'deployments' ? importDeploymentsFile(db, path)
          : layout === 'k8s' && isFile ? importK8sListFile(db, path, opts.cluster!, { onProgress, log: (m) => process.stderr.write(`${m}\n`) })
            : importDump(db, layout, path, { onProgress })).finally(() => bar.stop());
        const c = r.counts;
        process.stdout.write(`import ${layout} ${path}: run ${r.runId} ${r.status}; ${c.assets.seen} assets (+${c.assets.inserted} ~${c.assets.updated} -${c.assets.gone}), ` +
          `${c.relationships.seen} relationships, ${c.findings.seen} findings; scopes ${c.scopes.complete} complete, ${c.scopes.partial} partial, ${c.scopes.failed} failed in ${seconds(r.ms)}\n`);
      });
    });
}
