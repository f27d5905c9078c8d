import { badInput } from '../../model/errors.js';
import { textLines } from '../text-lines.js';
const CVE = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^(\d{4}-\d{2}-\d{2})/;
/** Does this text start like an EPSS CSV? */
export function looksLikeEpss(text) {
    return /^#model_version:/i.test(text) || /^cve,epss,percentile/i.test(text);
}
function parseComment(line) {
    const out = new Map();
    for (const part of line.replace(/^#/, '').split(',')) {
        const i = part.indexOf(':');
        if (i > 0)
            out.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim());
    }
    return out;
}
function probability(value, where, line, column) {
    const n = Number(value);
    if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
        throw badInput(where, `line ${line} field ${column}: expected a number between 0 and 1, got ${JSON.stringify(value ?? '')}`);
    }
    return n;
}
export async function openEpss(path, where, limits) {
    const lines = textLines(path, where, limits);
    let lineNo = 0;
    const next = async () => {
        const r = await lines.next();
        if (r.done)
            return undefined;
        lineNo++;
        return r.value;
    };
    let first = (await next())?.replace(/^\uFEFF/, '');
    let meta = new Map();
    if (first?.startsWith('#')) {
        meta = parseComment(first);
        first = await next();
    }
    const header = (first ?? '').split(',').map((c) => c.trim().toLowerCase());
    const col = (name) => header.indexOf(name);
    for (const name of ['cve', 'epss', 'percentile']) {
        if (col(name) < 0) {
            await lines.return(undefined);
            throw badInput(where, `line ${lineNo}: header has no ${name} column (expected cve,epss,percentile)`);
        }
    }
    const headerDate = DATE.exec(meta.get('score_date') ?? '')?.[1] ?? null;
    if (!headerDate && col('date') < 0) {
        await lines.return(undefined);
        throw badInput(where, 'no score date: neither a #model_version:...,score_date:... line nor a date column');
    }
    const parseRow = (line) => {
        const cells = line.split(',');
        const cveId = cells[col('cve')]?.trim() ?? '';
        if (!CVE.test(cveId))
            throw badInput(where, `line ${lineNo} field cve: expected a CVE id, got ${JSON.stringify(cveId.slice(0, 40))}`);
        let scoredOn = headerDate;
        if (col('date') >= 0) {
            const d = DATE.exec(cells[col('date')]?.trim() ?? '')?.[1];
            if (!d || Number.isNaN(Date.parse(d)))
                throw badInput(where, `line ${lineNo} field date: expected YYYY-MM-DD`);
            scoredOn = d;
        }
        return {
            cveId,
            score: probability(cells[col('epss')], where, lineNo, 'epss'),
            percentile: probability(cells[col('percentile')], where, lineNo, 'percentile'),
            scoredOn: scoredOn,
        };
    };
    async function* rows() {
        let count = 0;
        try {
            for (let line = await next(); line !== undefined; line = await next()) {
                if (line.trim() === '' || line.startsWith('#'))
                    continue;
                if (++count > limits.maxRecords)
                    throw badInput(where, `more than ${limits.maxRecords} rows`);
                yield parseRow(line);
            }
        }
        finally {
            // Stopped early (an error downstream): close the file now rather than when collected.
            await lines.return(undefined);
        }
    }
    return { modelVersion: meta.get('model_version') ?? null, scoreDate: headerDate, rows: rows() };
}
//# sourceMappingURL=feed.js.map