// Copies non-TypeScript assets (SQL migrations, the built-in rule pack) next to the compiled code.
import { cpSync, mkdirSync } from 'node:fs';
for (const dir of ['src/store/migrations', 'src/engines/rules/builtin']) {
  mkdirSync(`dist/${dir}`, { recursive: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
