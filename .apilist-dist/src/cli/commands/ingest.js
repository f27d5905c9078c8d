import { withDb, parseFormat, seconds } from '../context.js';
import { progress } from '../progress.js';
import { assetUidOption, ingestFile, walkFiles } from '../../pipeline/ingest.js';
import { importDump } from '../../pipeline/import-dump.js';
import { MothershipError } from '../../model/errors.js';
export function registerIngest(program) {
    program
        .command('ingest')
        .description('ingest scanner reports and SBOMs (type sniffed from content; directories walked)')
        .argument('<paths...>', 'files or directories')
        .option('--type <type>', 'force the report type')
        .option('--owner <team>', 'owner of what these reports describe, when they name none')
        .option('--asset <uid>', 'uid of the asset the reports are about (e.g. repo:github.com/org/app), over what they say or when they say nothing')
        .option('--format <format>', 'table (a line per file) or json (an object per line per file)', parseFormat, 'table')
        .action(async (paths, opts, cmd) => {
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
                        new: r.counts.findings.new, resolved: r.counts.findings.resolved, errors: [] };
                    if (opts.format === 'json')
                        process.stdout.write(JSON.stringify(line) + '\n');
                    else
                        process.stdout.write(`${file}: ${r.type}, ${line.assets} assets, ${line.packages} packages, ${line.findings} findings (${line.new} new, ${line.resolved} resolved) in ${seconds(r.ms)}\n`);
                }
                catch (e) {
                    bar.stop();
                    failed++;
                    const message = e instanceof Error ? e.message : String(e);
                    if (opts.format === 'json')
                        process.stdout.write(JSON.stringify({ file, type: opts.type ?? null, assets: 0, packages: 0, findings: 0, new: 0, resolved: 0, errors: [message] }) + '\n');
                    else
                        process.stderr.write(`error: ${message}\n`);
                }
            }
            if (failed > 0)
                throw new MothershipError('BAD_INPUT', `${failed} file(s) not ingested; nothing was written for them`);
        });
    });
    program
        .command('import')
        .description('import a collector dump directory (offline collection)')
        .argument('<layout>', 'dump layout, e.g. aws')
        .argument('<dir>', 'dump directory')
        .action(async (layout, dir, _opts, cmd) => {
        await withDb(cmd, async (db) => {
            const bar = progress(`import ${layout}`);
            const r = await importDump(db, layout, dir, { onProgress: (n) => bar.update(n) }).finally(() => bar.stop());
            const c = r.counts;
            process.stdout.write(`import ${layout} ${dir}: run ${r.runId} ${r.status}; ${c.assets.seen} assets (+${c.assets.inserted} ~${c.assets.updated} -${c.assets.gone}), ` +
                `${c.relationships.seen} relationships, ${c.findings.seen} findings; scopes ${c.scopes.complete} complete, ${c.scopes.partial} partial, ${c.scopes.failed} failed in ${seconds(r.ms)}\n`);
        });
    });
}
//# sourceMappingURL=ingest.js.map