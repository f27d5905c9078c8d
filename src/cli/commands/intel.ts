import type { Command } from 'commander';
import { withDb, parseFormat, seconds } from '../context.js';
import { progress } from '../progress.js';
import { importIntel, type IntelImportResult } from '../../pipeline/intel-import.js';
import { rematchAfterImport, type Rematch } from '../../pipeline/rematch.js';
import { INTEL_FORMATS, type IntelFormat } from '../../intel/sniff.js';
import { MothershipError } from '../../model/errors.js';

function parseFeed(value: string): IntelFormat {
  if (!(INTEL_FORMATS as readonly string[]).includes(value)) {
    throw new MothershipError('BAD_INPUT', `--type ${value}: expected one of ${INTEL_FORMATS.join(', ')}`);
  }
  return value as IntelFormat;
}

function summary(r: IntelImportResult): string {
  const head = `${r.target}: ${r.format}, run ${r.runId}`;
  const time = `in ${seconds(r.ms)}`;
  switch (r.format) {
    case 'osv': {
      const c = r.counts;
      return `${head}, ${c.records} records: ${c.inserted} new, ${c.updated} updated (${c.withdrawn} withdrawn), ${c.unchanged} unchanged, ${c.older} older than stored ${time}`;
    }
    case 'kev': {
      const c = r.counts;
      return `${head}, ${c.records} entries: ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deleted} removed ${time}`;
    }
    case 'epss': {
      const c = r.counts;
      return `${head}, ${c.records} scores: ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.older} older than stored ${time}`;
    }
  }
}

/** The JSON line: counts, and for OSV how many ids changed (the ids themselves can number in the 100,000s). */
function jsonLine(r: IntelImportResult, rematch: Rematch | null): Record<string, unknown> {
  const changed = r.format === 'osv' ? { changed: r.changes.inserted.length + r.changes.updated.length, withdrawnIds: r.changes.withdrawn } : {};
  return { target: r.target, format: r.format, run: r.runId, counts: r.counts, ...changed, ...(rematch ? { rematch } : {}),
    seconds: Number((r.ms / 1000).toFixed(2)), errors: [] };
}

function rematchLine(m: Rematch): string {
  return `  re-matched ${m.scopes} assets for ${m.advisories} changed advisories: ${m.findings.new} new, ${m.findings.updated} updated, ${m.findings.resolved} resolved findings`;
}

export function registerIntel(program: Command): void {
  const intel = program.command('intel').description('vulnerability intelligence: OSV advisories, CISA KEV, FIRST EPSS');
  intel
    .command('import')
    .description('import advisory feeds (OSV record, directory or zip export; CISA KEV JSON; EPSS CSV, gzipped or not), from files or http(s) URLs')
    .argument('<targets...>', 'files, directories or URLs; each is one run, in one transaction')
    .option('--type <type>', `force the feed instead of sniffing it (${INTEL_FORMATS.join(', ')})`, parseFeed)
    .option('--format <format>', 'table (a line per input) or json (an object per line per input)', parseFormat, 'table')
    .option('--no-match', 'do not re-match the stored packages the changed OSV records concern (analyze does it later)')
    .action(async (targets: string[], opts: { type?: IntelFormat; format: string; match: boolean }, cmd: Command) => {
      await withDb(cmd, async (db) => {
        let failed = 0;
        for (const target of targets) {
          const bar = progress(target);
          try {
            const r = await importIntel(db, target, { format: opts.type, onProgress: (n) => bar.update(n) });
            bar.stop();
            // Incremental: only the assets the changed records concern are re-matched now.
            const rematch = opts.match ? await rematchAfterImport(db, r) : null;
            process.stdout.write((opts.format === 'json' ? JSON.stringify(jsonLine(r, rematch))
              : summary(r) + (rematch && rematch.advisories > 0 ? `\n${rematchLine(rematch)}` : '')) + '\n');
          } catch (e) {
            bar.stop();
            failed++;
            const message = e instanceof Error ? e.message : String(e);
            if (opts.format === 'json') process.stdout.write(JSON.stringify({ target, format: opts.type ?? null, errors: [message] }) + '\n');
            else process.stderr.write(`error: ${message}\n`);
          }
        }
        if (failed > 0) throw new MothershipError('BAD_INPUT', `${failed} input(s) not imported; nothing was written for them`);
      });
    });
}
