import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { prowlerParser } from '../prowler/plugin.js';
import { validateAt } from '../shared/validate.js';
import { looksLikeProwlerJson } from './sniff.js';
import { v2Results } from './v2.js';
import { V3Result, v3Result } from './v3.js';
const FORMAT = 'Prowler v3 JSON';
/** A list is Prowler 3's report; objects one per line are Prowler 2's; an empty file is a run with no results. */
async function readProwlerJson(file) {
    const where = file.name;
    const content = await file.text();
    const start = content.replace(/^\uFEFF/, '').trimStart();
    if (start === '')
        return [];
    if (start.startsWith('{'))
        return v2Results(content, where);
    if (!start.startsWith('['))
        throw badInput(where, 'not a Prowler JSON report: expected a list of results (Prowler 3) or one result object per line (Prowler 2)');
    const list = validateAt(z.array(z.unknown()), parseUntrustedJson(content, where), where, FORMAT);
    return list.map((raw, i) => v3Result(validateAt(V3Result, raw, where, FORMAT, `[${i}]`)));
}
/** Prowler 3 JSON (`-M json`) and Prowler 2 JSON lines. */
export const prowlerJson = prowlerParser('prowler-json', looksLikeProwlerJson, readProwlerJson);
//# sourceMappingURL=parser.js.map