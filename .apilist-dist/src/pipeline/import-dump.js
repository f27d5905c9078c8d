import { MothershipError } from '../model/errors.js';
import { DUMP_READERS } from '../sources/registry.js';
import { syncRun } from './sync/run.js';
/** Imports a collector's dump directory (e.g. the AWS CLI layout) as one run of its reader. */
export async function importDump(db, layout, dir, options = {}) {
    const reader = DUMP_READERS.find((r) => r.layout === layout);
    if (!reader)
        throw new MothershipError('UNSUPPORTED', `unknown dump layout ${layout}; known: ${DUMP_READERS.map((r) => r.layout).join(', ') || 'none'}`);
    return syncRun(db, reader.read(dir, { log: options.log ?? (() => undefined) }), {
        source: reader.id,
        where: dir,
        input: { dir, layout },
        onProgress: options.onProgress,
    });
}
//# sourceMappingURL=import-dump.js.map