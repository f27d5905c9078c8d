import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
/** Go's encoding/json escapes these three in strings; Trivy's output therefore has `\u0026` in every purl. */
function goJsonEscapes(text) {
    return text.replace(/&/g, '\\u0026').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}
/** Writes files under one root the way each tool formats its JSON, creating folders once. */
export class OutputTree {
    root;
    madeDirs = new Set();
    constructor(root) {
        this.root = root;
    }
    /** The AWS CLI prints `--output json` with Python's json.dumps(indent=4) and a final newline. */
    async writeAws(relativePath, value) {
        await this.write(relativePath, `${JSON.stringify(value, null, 4)}\n`);
    }
    /** Trivy prints Go's MarshalIndent with two spaces and HTML-safe escapes. */
    async writeTrivy(relativePath, value) {
        await this.write(relativePath, `${goJsonEscapes(JSON.stringify(value, null, 2))}\n`);
    }
    async writeText(relativePath, text) {
        await this.write(relativePath, text);
    }
    async write(relativePath, text) {
        const path = join(this.root, relativePath);
        const dir = dirname(path);
        if (!this.madeDirs.has(dir)) {
            await mkdir(dir, { recursive: true });
            this.madeDirs.add(dir);
        }
        await writeFile(path, text);
    }
}
//# sourceMappingURL=output-tree.js.map