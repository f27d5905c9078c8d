import { parseFormat } from '../context.js';
import { writeRows } from '../output.js';
import { openDb } from '../../store/open.js';
import { MothershipError } from '../../model/errors.js';
import { loadRuleCatalog } from '../../engines/rules/load.js';
import { exampleCoverageProblem, runRuleExamples } from '../../engines/rules/examples.js';
/** `--rules <dir>` may be given several times. */
export function collectDirs(value, previous = []) {
    return [...previous, value];
}
/** The rules the ids name (exact, or `*` as a wildcard); an id that names nothing is an error. */
export function selectRules(catalog, ids) {
    if (ids.length === 0)
        return [...catalog];
    const patterns = ids.map((id) => ({ id, re: new RegExp(`^${id.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`) }));
    for (const p of patterns) {
        if (!catalog.some((e) => p.re.test(e.rule.id)))
            throw new MothershipError('NOT_FOUND', `rule ${p.id}: no such rule`);
    }
    return catalog.filter((e) => patterns.some((p) => p.re.test(e.rule.id)));
}
/** One row per rule: the `mothership rules --format json` contract (docs/contracts.md). */
function listRow(e) {
    const { rule } = e;
    return { id: rule.id, severity: rule.severity, kind: rule.kind, title: rule.title, frameworks: rule.frameworks, source: e.source };
}
async function testRules(entries) {
    const db = await openDb('memory://');
    try {
        const rows = [];
        for (const { rule } of entries) {
            const problem = exampleCoverageProblem(rule);
            if (problem)
                rows.push({ rule: rule.id, example: null, passed: false, expected: [], actual: [], error: problem });
            rows.push(...await runRuleExamples(db, rule));
        }
        return rows;
    }
    finally {
        await db.close();
    }
}
function writeTestTable(rows) {
    for (const r of rows) {
        process.stdout.write(`${r.passed ? 'pass' : 'FAIL'}  ${r.rule}${r.example === null ? '' : `  ${r.example}`}\n`);
        if (r.passed)
            continue;
        if (r.error)
            process.stdout.write(`      ${r.error}\n`);
        if (r.example !== null && !r.error) {
            process.stdout.write(`      expected: ${r.expected.length ? r.expected.join(', ') : '(none)'}\n`);
            process.stdout.write(`      actual:   ${r.actual.length ? r.actual.join(', ') : '(none)'}\n`);
        }
    }
}
export function registerRules(program) {
    const rules = program
        .command('rules')
        .description('list the rules (built-in and packs; JSON contract: id, severity, kind, title, frameworks, source)')
        .option('--rules <dir>', 'also a rule pack directory (repeatable)', collectDirs, [])
        .option('--format <format>', 'table, json or csv', parseFormat, 'table')
        .action((opts) => {
        const rows = loadRuleCatalog(opts.rules).map(listRow);
        if (opts.format === 'table') {
            writeRows(process.stdout, 'table', rows.map((r) => ({ ...r, frameworks: r.frameworks.join(' ') })), ['id', 'severity', 'kind', 'title', 'frameworks', 'source']);
        }
        else
            writeRows(process.stdout, opts.format, rows);
    });
    rules
        .command('test')
        .description('run the rules\' own examples on an empty in-memory store (takes --rules and --format); exits 1 when one fails or a rule lacks a violating or a compliant example')
        .argument('[ids...]', 'rule ids to test (* as a wildcard); default all')
        // --rules and --format are the parent's options: commander hands them to `rules` wherever they stand.
        .action(async (ids, _opts, cmd) => {
        const opts = cmd.optsWithGlobals();
        const entries = selectRules(loadRuleCatalog(opts.rules), ids);
        const rows = await testRules(entries);
        const failed = rows.filter((r) => !r.passed);
        if (opts.format === 'table') {
            writeTestTable(rows);
            process.stdout.write(`rules test: ${entries.length} rules, ${rows.filter((r) => r.example !== null).length} examples, ${failed.length} failed\n`);
        }
        else
            writeRows(process.stdout, opts.format, rows.map((r) => ({ rule: r.rule, example: r.example, passed: r.passed, expected: r.expected, actual: r.actual, error: r.error ?? null })), ['rule', 'example', 'passed', 'expected', 'actual', 'error']);
        if (failed.length)
            process.exitCode = 1;
    });
}
//# sourceMappingURL=rules.js.map