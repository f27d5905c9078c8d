import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The package version, read from the package.json above this module (works from src/ and dist/src/). */
function readVersion() {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
        const p = join(dir, 'package.json');
        if (existsSync(p)) {
            const pkg = JSON.parse(readFileSync(p, 'utf8'));
            if (pkg.name === 'mothership' && pkg.version)
                return pkg.version;
        }
        dir = dirname(dir);
    }
    return '0.0.0';
}
export const VERSION = readVersion();
//# sourceMappingURL=version.js.map