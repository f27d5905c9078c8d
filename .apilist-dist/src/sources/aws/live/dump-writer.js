import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { callPath, resourceCallPath } from '../dump-files.js';
/**
 * Writes a collected account in the dump layout (docs/aws-dump-layout.md), so `mothership import aws` of
 * the directory yields what the live run synced. Calls not made (services left out) leave no file.
 */
/** A file's text: the CLI's output (4-space JSON, nothing for an empty response) or its error document. */
function fileText(result) {
    if (result.status === 'missing')
        return null;
    if (result.status === 'error')
        return `${JSON.stringify({ Error: { Code: result.code, Message: result.message } }, null, 4)}\n`;
    const empty = typeof result.data === 'object' && result.data !== null && Object.keys(result.data).length === 0;
    return empty ? '' : `${JSON.stringify(result.data, null, 4)}\n`;
}
async function put(path, result) {
    const text = fileText(result);
    if (text === null)
        return;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
}
async function writePlan(accountDir, region, results) {
    for (const [call, result] of results.calls)
        await put(callPath(accountDir, region, call), result);
    for (const [call, byResource] of results.resources) {
        for (const [resource, result] of byResource)
            await put(resourceCallPath(accountDir, region, call, resource), result);
    }
}
export async function writeAccountDump(dir, collected) {
    const accountDir = join(dir, collected.account);
    await mkdir(join(accountDir, 'global'), { recursive: true });
    await put(join(accountDir, 'meta.json'), collected.meta);
    for (const results of collected.global.values())
        await writePlan(accountDir, null, results);
    for (const [region, plans] of collected.regional) {
        // The folder says the region was collected even when every call of it failed.
        await mkdir(join(accountDir, region), { recursive: true });
        for (const results of plans.values())
            await writePlan(accountDir, region, results);
    }
}
//# sourceMappingURL=dump-writer.js.map