import { refuseSubject } from '../shared/subject.js';
import { prowlerRecords } from './records.js';
/**
 * Every Prowler format is one source, `prowler`: a report is a Prowler run whatever format it was written in,
 * so an OCSF report resolves what an older v3 JSON report of the same account and region had found (the
 * findings have the same fingerprints in both).
 */
export const PROWLER_SOURCE = 'prowler';
async function* parseWith(type, read, file, options) {
    refuseSubject(options, file.name, type, 'each Prowler finding is on the cloud resource (ARN) it names');
    yield* prowlerRecords(await read(file));
}
/** A Prowler parser for one output format. */
export function prowlerParser(type, accepts, read) {
    return {
        id: PROWLER_SOURCE,
        type,
        version: 1,
        accepts: (file) => accepts(file.head),
        parse: (file, options) => parseWith(type, read, file, options),
    };
}
//# sourceMappingURL=plugin.js.map