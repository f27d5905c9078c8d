// Copies non-TypeScript assets (SQL migrations, the built-in rule pack) next to the compiled code.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
for (const dir of ['src/store/migrations', 'src/engines/rules/builtin']) {
  // Replaced, not merged: a renamed rule file left behind would define its id twice.
  rmSync(`dist/${dir}`, { recursive: true, force: true });
  mkdirSync(`dist/${dir}`, { recursive: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
