import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { MothershipError } from '../../model/errors.js';
import { parsePositiveInt, seconds, withDb } from '../context.js';
/** kubectl's rule: --kubeconfig, else every file of $KUBECONFIG, else ~/.kube/config. */
function kubeconfigFiles(flag) {
    if (flag)
        return [flag];
    const env = (process.env.KUBECONFIG ?? '').split(delimiter).filter((p) => p !== '');
    return env.length ? env : [join(homedir(), '.kube', 'config')];
}
function summary(c, ms) {
    const head = `collect k8s ${c.context} (${c.cluster}): ${c.kinds.listed} kinds listed, ${c.kinds.failed} failed`;
    if (!c.sync)
        return `${head} in ${seconds(ms)}\n`;
    const a = c.sync.counts.assets;
    return `${head}; run ${c.sync.runId} ${c.sync.status}; ${a.seen} assets (+${a.inserted} ~${a.updated} -${a.gone}), ` +
        `${c.sync.counts.relationships.seen} relationships in ${seconds(ms)}\n`;
}
/** `mothership collect k8s`: the live Kubernetes collector (the `collect` group is shared with other collectors). */
export function registerCollectK8s(program) {
    const collect = program.commands.find((c) => c.name() === 'collect')
        ?? program.command('collect').description('collect inventory from live APIs');
    collect
        .command('k8s')
        .description('list the objects of Kubernetes clusters (kubeconfig contexts) and sync them, and/or write an offline dump')
        .option('--context <name...>', 'kubeconfig contexts to collect (default: the current context)')
        .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)')
        .option('--dump <dir>', 'write the offline dump layout (docs/k8s-dump-layout.md); import it later with `mothership import k8s <dir>`')
        .option('--no-sync', 'do not write to the store (with --dump: collect for an offline import)')
        .option('--page-size <n>', 'objects per list request', parsePositiveInt('--page-size'), 500)
        .option('--concurrency <n>', 'kinds listed at once', parsePositiveInt('--concurrency'), 4)
        .action(async (opts, cmd) => {
        if (!opts.sync && !opts.dump)
            throw new MothershipError('BAD_INPUT', 'collect k8s --no-sync without --dump: nothing to do');
        // Loaded on use: @kubernetes/client-node takes seconds to import, which no other command should pay.
        const { loadKubeconfig, kubeTarget } = await import('../../sources/k8s/kubeconfig.js');
        const { collectK8s } = await import('../../pipeline/collect-k8s.js');
        const config = loadKubeconfig(kubeconfigFiles(opts.kubeconfig));
        for (const c of opts.context ?? [undefined])
            kubeTarget(config, c); // an unknown context fails before the store opens
        const options = {
            contexts: opts.context, dumpDir: opts.dump, pageSize: Math.max(1, opts.pageSize), concurrency: Math.max(1, opts.concurrency),
            log: (m) => process.stderr.write(`warning: ${m}\n`),
        };
        const started = performance.now();
        const results = opts.sync
            ? await withDb(cmd, (db) => collectK8s(config, { ...options, db }))
            : await collectK8s(config, options);
        for (const r of results)
            process.stdout.write(summary(r, r.sync?.ms ?? performance.now() - started));
        const unreachable = results.filter((r) => r.kinds.listed === 0).map((r) => r.context);
        if (unreachable.length)
            throw new MothershipError('BAD_INPUT', `nothing could be listed in ${unreachable.join(', ')} (see the warnings above)`);
    });
}
//# sourceMappingURL=collect-k8s.js.map