import { z } from 'zod';
import { parseUntrustedJson } from '../json.js';
import { prowlerParser } from '../prowler/plugin.js';
import { validateAt } from '../shared/validate.js';
import { ocsfResult } from './results.js';
import { OcsfFinding } from './schema.js';
import { looksLikeProwlerOcsf } from './sniff.js';
const FORMAT = 'Prowler OCSF';
async function readOcsf(file) {
    const where = file.name;
    const list = validateAt(z.array(z.unknown()), parseUntrustedJson(await file.text(), where), where, FORMAT);
    return list.map((raw, i) => ocsfResult(validateAt(OcsfFinding, raw, where, FORMAT, `[${i}]`)));
}
/** Prowler 4+ OCSF JSON (`prowler <provider> -M json-ocsf`). */
export const prowlerOcsfJson = prowlerParser('prowler-ocsf-json', looksLikeProwlerOcsf, readOcsf);
//# sourceMappingURL=parser.js.map