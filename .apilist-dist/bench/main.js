import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCHMARKS } from './registry.js';
import { DEFAULT_PG, freshTarget, postgresUnavailable } from './targets.js';
import { renderTable } from './table.js';
const USAGE = `usage: npm run bench -- [--json] [--only <name>] [--backend pglite|postgres|all] [--rows N] [--list]
  --json            print only a JSON array of results on stdout (progress goes to stderr)
  --only <name>     run the benchmarks whose name starts with <name>
  --backend <b>     pglite, postgres or all (default: all that are available)
  --rows N          rows per benchmark instead of its default (a smaller run for a smoke test)
  --list            list the benchmarks and exit
PostgreSQL: MOTHERSHIP_BENCH_PG (default ${DEFAULT_PG}); each run gets its own database, dropped afterwards.`;
const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
function fail(message) {
    process.stderr.write(`${message}\n${USAGE}\n`);
    process.exit(2);
}
function options() {
    const { values } = parseArgs({
        options: {
            json: { type: 'boolean', default: false },
            only: { type: 'string' },
            backend: { type: 'string', default: 'all' },
            rows: { type: 'string' },
            list: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
    }
    if (!['pglite', 'postgres', 'all'].includes(values.backend))
        fail(`unknown backend ${values.backend}`);
    const rows = values.rows === undefined ? undefined : Number(values.rows.replace(/_/g, ''));
    if (rows !== undefined && !(Number.isInteger(rows) && rows > 0))
        fail(`--rows must be a positive integer, got ${values.rows}`);
    return { json: values.json, only: values.only, backend: values.backend, rows, list: values.list };
}
/** Runs one job in a fresh process; its stdout goes to our stderr so --json output stays clean. */
function runWorker(job, started) {
    return new Promise((resolve) => {
        const child = fork(WORKER, [JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
        started(child);
        child.stdout?.pipe(process.stderr);
        let reply;
        child.on('message', (m) => { reply = m; });
        child.on('exit', (code, signal) => resolve(reply ?? { ok: false, error: `worker ended (${signal ?? `exit code ${code}`}) without a result` }));
    });
}
async function main() {
    const opts = options();
    const log = (m) => process.stderr.write(`${m}\n`);
    const benches = BENCHMARKS.filter((b) => !opts.only || b.name.startsWith(opts.only));
    if (opts.list) {
        for (const b of BENCHMARKS)
            process.stdout.write(`${b.name}\t${b.description}\n`);
        return 0;
    }
    if (benches.length === 0)
        fail(`no benchmark matches ${opts.only}`);
    const serverUrl = process.env.MOTHERSHIP_BENCH_PG || DEFAULT_PG;
    const backends = opts.backend === 'all' ? ['pglite', 'postgres'] : [opts.backend];
    if (backends.includes('postgres')) {
        const why = await postgresUnavailable(serverUrl);
        if (why) {
            log(`postgres backend skipped: server unreachable (${why})`);
            backends.splice(backends.indexOf('postgres'), 1);
        }
    }
    // On Ctrl-C (which a terminal sends to the worker too, a plain kill only to us) stop the worker and leave
    // no database or directory behind.
    let current;
    let worker;
    process.once('SIGINT', () => {
        log('interrupted: stopping the worker and removing its database');
        worker?.kill('SIGKILL');
        void (current?.remove() ?? Promise.resolve()).finally(() => process.exit(130));
    });
    const results = [];
    let failures = 0;
    for (const bench of benches) {
        for (const backend of backends) {
            log(`== ${bench.name} on ${backend}${opts.rows ? ` (${opts.rows} rows)` : ''}`);
            const target = await freshTarget(backend, serverUrl);
            current = target;
            try {
                const reply = await runWorker({ benchmark: bench.name, backend, location: target.location, rows: opts.rows }, (child) => { worker = child; });
                if (reply.ok)
                    results.push(...reply.results);
                else {
                    failures++;
                    log(`${bench.name} on ${backend} failed: ${reply.error}`);
                }
            }
            finally {
                await target.remove().catch((e) => log(`could not remove ${target.location}: ${String(e)}`));
                current = undefined;
            }
        }
    }
    process.stdout.write(opts.json ? `${JSON.stringify(results, null, 2)}\n` : `${renderTable(results)}\n`);
    return failures > 0 ? 1 : 0;
}
process.exitCode = await main();
//# sourceMappingURL=main.js.map