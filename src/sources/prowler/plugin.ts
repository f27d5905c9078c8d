import type { NormalizedRecord, ParseOptions, Parser, ReportFile } from '../../model/index.js';
import { refuseSubject } from '../shared/subject.js';
import type { CheckResult } from './check-result.js';
import { prowlerRecords } from './records.js';

/**
 * Every Prowler format is one source, `prowler`: a report is a Prowler run whatever format it was written in,
 * so an OCSF report resolves what an older v3 JSON report of the same account and region had found (the
 * findings have the same fingerprints in both).
 */
export const PROWLER_SOURCE = 'prowler';

/** Reads a whole report into check results; errors name the file and the field or line. */
export type ReadResults = (file: ReportFile) => Promise<readonly CheckResult[]>;

async function* parseWith(type: string, read: ReadResults, file: ReportFile, options: ParseOptions | undefined): AsyncGenerator<NormalizedRecord> {
  refuseSubject(options, file.name, type, 'each Prowler finding is on the cloud resource (ARN) it names');
  yield* prowlerRecords(await read(file));
}

/** A Prowler parser for one output format. */
export function prowlerParser(type: string, accepts: (head: Uint8Array) => boolean, read: ReadResults): Parser {
  return {
    id: PROWLER_SOURCE,
    type,
    version: 1,
    accepts: (file) => accepts(file.head),
    parse: (file, options) => parseWith(type, read, file, options),
  };
}
