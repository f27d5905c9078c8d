function fmt(n) {
    if (!Number.isFinite(n))
        return String(n);
    return n >= 100 ? Math.round(n).toLocaleString('en') : n.toPrecision(3);
}
/** A plain-text table of results, then the slowest statements of each, for people. */
export function renderTable(results) {
    const head = ['benchmark', 'backend', 'value', 'baseline', 'ratio', 'seconds', 'peak RSS'];
    const rows = results.map((r) => [
        r.name, r.backend, `${fmt(r.value)} ${r.unit}`,
        `${fmt(r.baseline)} ${r.unit}${typeof r.baselineMethod === 'string' ? ` (${r.baselineMethod})` : ''}`,
        r.ratio.toFixed(3), typeof r.seconds === 'number' ? r.seconds.toFixed(1) : '',
        typeof r.peakRssMb === 'number' ? `${r.peakRssMb} MB` : '',
    ]);
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
    const line = (cells) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
    const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
    for (const r of results) {
        if (!Array.isArray(r.statements) || r.statements.length === 0)
            continue;
        out.push('', `${r.name} (${r.backend}): slowest statements`);
        for (const s of r.statements) {
            out.push(`  ${String(s.ms).padStart(8)} ms  ${String(s.calls).padStart(5)}x  ${s.statement}`);
        }
        if (typeof r.outsideStatementsMs === 'number')
            out.push(`  ${String(r.outsideStatementsMs).padStart(8)} ms         outside statements (JS: generate, validate, hash; BEGIN/COMMIT)`);
    }
    return out.join('\n');
}
//# sourceMappingURL=table.js.map