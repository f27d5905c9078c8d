import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, vi } from 'vitest';
import { TEST_PG, createTestDb, type TestDb } from './test-db.js';

export interface CommandRun { out: string; err: string; error?: Error }

/**
 * Runs one CLI command in this process, as `mothership <argv>` would (a program with the global --db option
 * and the commands `register` adds), capturing what it prints; an error is returned, not thrown.
 */
export async function runCommand(register: (program: Command) => void, argv: readonly string[]): Promise<CommandRun> {
  const program = new Command('mothership').option('--db <location>').exitOverride();
  register(program);
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return { out, err };
  } catch (e) {
    return { out, err, error: e as Error };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/**
 * A store for commands run in this process, with the hooks that make and remove it: on PGlite a directory the
 * command opens itself (inside `dir`, a scratch folder the test may use too), on PostgreSQL a fresh test database.
 */
export function commandStore(prefix: string): { readonly dir: string; readonly location: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let t: TestDb | null = null;
  let location = '';
  beforeAll(async () => {
    t = TEST_PG ? await createTestDb() : null;
    location = t?.location ?? join(dir, 'db');
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, get location() { return location; } };
}
