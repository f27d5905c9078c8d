import { openDb } from '../src/store/open.js';
import { BENCHMARKS } from './registry.js';
async function work(job) {
    const bench = BENCHMARKS.find((b) => b.name === job.benchmark);
    if (!bench)
        throw new Error(`no benchmark ${job.benchmark}`);
    const db = await openDb(job.location);
    try {
        const log = (m) => process.stderr.write(`[${job.benchmark} ${job.backend}] ${m}\n`);
        const results = await bench.run({ db, backend: job.backend, rows: job.rows, log });
        // resourceUsage().maxRSS is in kilobytes.
        const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
        return results.map((r) => ({ ...r, peakRssMb }));
    }
    finally {
        await db.close();
    }
}
const job = JSON.parse(process.argv[2] ?? '{}');
const reply = await work(job).then((results) => ({ ok: true, results }), (e) => ({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
process.send?.(reply, () => process.exit(0));
//# sourceMappingURL=worker.js.map