import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { ownerId, ruleReason } from '../../findings/ownership.js';
import { imageRepository, repositoryFromLocation } from './locations.js';
/** YAML reads an unquoted account id as a number (and drops a leading zero): AWS ids are 12 digits. */
const AccountId = z.union([z.string(), z.number().int().nonnegative()])
    .transform((v) => (typeof v === 'number' ? String(v).padStart(12, '0') : v.trim()));
const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const Team = z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    slack: z.string().optional(),
    jira: z.string().optional(),
    email: z.string().optional(),
    members: z.array(z.string()).default([]),
});
const Match = z.union([
    z.strictObject({ account: AccountId }),
    z.strictObject({ tag: z.object({ key: z.string().min(1), value: Scalar }) }),
    z.strictObject({ repository: z.string().min(1) }),
    z.strictObject({ image_repository: z.string().min(1) }),
]);
const Rule = z.object({ match: Match, owner: z.string().min(1) });
export const OwnersFile = z.object({
    teams: z.array(Team).default([]),
    rules: z.array(Rule).default([]),
    /** Owner of whatever nothing else claims. */
    default: z.string().min(1).optional(),
});
function ruleMatch(match, where) {
    if ('account' in match)
        return { match: 'account', value: match.account };
    if ('tag' in match)
        return { match: 'tag', key: match.tag.key, value: match.tag.value };
    if ('repository' in match) {
        const value = repositoryFromLocation(match.repository);
        if (!value)
            throw badInput(where, `rule repository ${match.repository} is not a repository URL or host/org/repo`);
        return { match: 'repository', value };
    }
    const value = imageRepository(match.image_repository);
    if (!value)
        throw badInput(where, 'rule image_repository is empty');
    return { match: 'image_repository', value };
}
/**
 * The records of an owners.yaml: each team a `team` asset, each rule an `ownership.rule` asset carrying
 * its position (first match wins) and its reason text; the default owner is a rule of its own. Kept as
 * assets so a team or rule deleted from the file is swept like any other item of its scope.
 */
export function ownersRecords(document, fileName, where) {
    const r = OwnersFile.safeParse(document);
    if (!r.success) {
        const issue = r.error.issues[0];
        throw badInput(where, `${issue?.path.length ? `field ${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid owners file'}`);
    }
    const file = r.data;
    const scope = `owners:${fileName}`;
    const records = [];
    const seen = new Set();
    for (const t of file.teams) {
        const id = ownerId(t.id);
        if (!id)
            throw badInput(where, `team id ${JSON.stringify(t.id)} is empty`);
        if (seen.has(id))
            throw badInput(where, `team ${id} is listed twice`);
        seen.add(id);
        records.push({
            type: 'asset', scope,
            asset: {
                uid: `team:${id}`, kind: 'team', provider: 'owners-yaml', name: t.name ?? t.id,
                properties: { ownerId: id, email: t.email ?? null, slack: t.slack ?? null, jira: t.jira ?? null, members: t.members },
            },
        });
    }
    file.rules.forEach((rule, i) => {
        const owner = ownerId(rule.owner);
        if (!owner)
            throw badInput(where, `rules.${i}.owner is empty`);
        const match = ruleMatch(rule.match, `${where} rules.${i}`);
        records.push({
            type: 'asset', scope,
            asset: {
                uid: `ownership-rule:${fileName}#${i + 1}`, kind: 'ownership.rule', provider: 'owners-yaml',
                properties: { order: i, ...match, owner, reason: ruleReason(match, owner, fileName) },
            },
        });
    });
    const fallback = file.default === undefined ? null : ownerId(file.default);
    if (fallback) {
        records.push({
            type: 'asset', scope,
            asset: { uid: `ownership-rule:${fileName}#default`, kind: 'ownership.rule', provider: 'owners-yaml', properties: { order: file.rules.length, match: 'default', owner: fallback } },
        });
    }
    records.push({ type: 'coverage', scope, coverage: 'complete' });
    return records;
}
//# sourceMappingURL=owners-file.js.map