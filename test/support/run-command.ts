import { Command } from 'commander';
import { vi } from 'vitest';

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
