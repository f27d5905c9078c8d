import { resolve } from 'node:path';
import { generateOrganization } from '../demo/generator/index.js';
import { importDump } from './import-dump.js';
import { ingestFile } from './ingest.js';
import { analyze } from './analyze.js';
import { importIntel } from './intel-import.js';
/**
 * The demo is the real pipeline on synthetic files: the generator writes an AWS CLI dump, Trivy reports
 * and an OSV export, and they are imported exactly as a user's would be. The advisories are imported
 * before analyzing, so our matcher's findings join Trivy's.
 */
export async function runDemo(db, options) {
    const started = performance.now();
    // Regenerated every time: it is deterministic and cheap next to the import, and files left by an older
    // generator version must not be mistaken for the current organization.
    options.onStep?.('generate', 0, 1);
    const org = await generateOrganization({ outDir: options.dataDir, scale: options.scale, seed: options.seed });
    const total = 3 + org.trivyReports.length;
    let done = 0;
    let runs = 0;
    options.onStep?.('import aws', done, total);
    await importDump(db, 'aws', resolve(options.dataDir, org.awsDir));
    runs++;
    done++;
    for (const report of org.trivyReports) {
        options.onStep?.('ingest trivy', done, total);
        await ingestFile(db, resolve(options.dataDir, report.file), { owner: report.owner });
        runs++;
        done++;
    }
    options.onStep?.('import osv', done, total);
    await importIntel(db, resolve(options.dataDir, org.intel.osvDir), { format: 'osv' });
    runs++;
    done++;
    options.onStep?.('analyze', done, total);
    runs += (await analyze(db)).length;
    options.onStep?.('done', total, total);
    const [counts] = await db.query(`select (select count(*)::int from assets where gone_at is null) as assets,
            (select count(*)::int from findings where status = 'open') as findings`);
    return { generated: org, runs, assets: counts?.assets ?? 0, findings: counts?.findings ?? 0, ms: performance.now() - started };
}
//# sourceMappingURL=demo.js.map