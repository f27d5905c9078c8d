import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
const json = async (path) => JSON.parse(await readFile(path, 'utf8'));
export async function readAccounts(outDir) {
    const root = join(outDir, 'aws');
    const accounts = [];
    for (const id of (await readdir(root)).sort()) {
        const dir = join(root, id);
        const regions = [];
        for (const name of (await readdir(dir)).sort()) {
            if (name === 'global' || name === 'meta.json')
                continue;
            const reservations = (await json(join(dir, name, 'ec2-describe-instances.json'))).Reservations;
            const groups = (await json(join(dir, name, 'ec2-describe-security-groups.json'))).SecurityGroups;
            regions.push({ name, instances: reservations.flatMap((r) => r.Instances), groups });
        }
        const global = join(dir, 'global');
        const listed = (await json(join(global, 's3api-list-buckets.json'))).Buckets;
        const buckets = [];
        for (const { Name } of listed) {
            const perBucket = (op) => join(global, `s3api-${op}`, `${Name}.json`);
            const ops = ['get-bucket-policy', 'get-public-access-block', 'get-bucket-encryption', 'get-bucket-location', 'get-bucket-tagging', 'get-bucket-acl', 'get-bucket-versioning'];
            const files = (await Promise.all(ops.map((op) => readFile(perBucket(op), 'utf8').then(() => op, () => null)))).filter((op) => op !== null);
            buckets.push({
                name: Name,
                policy: await json(perBucket('get-bucket-policy')),
                publicAccessBlock: await json(perBucket('get-public-access-block')),
                tagging: await json(perBucket('get-bucket-tagging')),
                files,
            });
        }
        accounts.push({
            id,
            meta: await json(join(dir, 'meta.json')),
            regions,
            iam: await json(join(global, 'iam-get-account-authorization-details.json')),
            buckets,
            accountPublicAccessBlock: await json(join(global, 's3control-get-public-access-block.json')),
        });
    }
    return accounts;
}
export async function readReports(outDir) {
    const dir = join(outDir, 'trivy');
    const reports = new Map();
    for (const name of (await readdir(dir)).sort())
        reports.set(`trivy/${name}`, await json(join(dir, name)));
    return reports;
}
//# sourceMappingURL=read-back.js.map