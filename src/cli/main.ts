#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { MothershipError } from '../model/errors.js';
import { registerQuery } from './commands/query.js';
import { registerRuns } from './commands/runs.js';
import { registerInventory } from './commands/inventory.js';
import { registerIngest } from './commands/ingest.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerServe } from './commands/serve.js';
import { registerDemo } from './commands/demo.js';
import { registerIntel } from './commands/intel.js';
import { registerCollectK8s } from './commands/collect-k8s.js';
import { registerCollectAws } from './commands/collect-aws.js';
import { registerRules } from './commands/rules.js';
import { registerUsers } from './commands/users.js';
import { registerRefingerprint } from './commands/refingerprint.js';
import { registerPaths } from './commands/paths.js';
import { registerPosture } from './commands/posture.js';
import { registerTriage } from './commands/triage.js';

export function buildProgram(): Command {
  const program = new Command('mothership')
    .description('Mothership: your whole estate in one relational view, prioritized and routed to owners')
    .version(VERSION)
    .option('--db <location>', 'store: a PGlite directory or a postgres:// URL (default: $MOTHERSHIP_DB or ./.mothership)')
    .showHelpAfterError()
    .exitOverride();
  registerDemo(program);
  registerServe(program);
  registerIngest(program);
  registerIntel(program);
  registerCollectK8s(program);
  registerCollectAws(program);
  registerAnalyze(program);
  registerRules(program);
  registerQuery(program);
  registerInventory(program);
  registerRuns(program);
  registerUsers(program);
  registerRefingerprint(program);
  registerPaths(program);
  registerPosture(program);
  registerTriage(program);
  return program;
}

/** User mistakes and expected failures are one line and exit 1; only real bugs show a stack. */
async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    if (e instanceof MothershipError) {
      process.stderr.write(`mothership: ${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EADDRINUSE') {
      process.stderr.write(`mothership: ${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}

await main(process.argv);
