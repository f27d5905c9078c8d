import { loadActionCatalogue } from '../src/engines/iam/catalogue.js';
import { adminFindings, escalationFindings, externalTrustFindings, harmfulFindings, unusedRoleFindings } from '../src/engines/iam/analyses.js';
import { HARMFUL_PERMISSIONS } from '../src/engines/iam/harmful-permissions.js';
import { IamModel } from '../src/engines/iam/model/iam-model.js';
import { allow, deny, group, inventoryOf, managedPolicy, role, trustAws, trustService, user, arn } from '../src/engines/iam/fixtures.js';
export const DEFAULT_PRINCIPALS = 5_000;
const PER_ACCOUNT = 500;
/** Policies as teams write them: service-scoped reads, wildcards, self-service with variables, conditions, denies. */
const TEMPLATES = [
    [allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::data-*', 'arn:aws:s3:::data-*/*'])],
    [allow(['ec2:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*', 'logs:FilterLogEvents'])],
    [allow(['lambda:*', 'logs:*'], '*'), allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } })],
    [allow(['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:UpdateLoginProfile'], 'arn:aws:iam::*:user/${aws:username}')],
    [allow('dynamodb:*', 'arn:aws:dynamodb:*:*:table/app-*'), deny('dynamodb:DeleteTable', '*')],
    [allow(['secretsmanager:GetSecretValue'], 'arn:aws:secretsmanager:*:*:secret:app/*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })],
    [allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), deny(['iam:*', 'organizations:*'])],
    [allow(['sqs:*', 'sns:Publish', 'kms:Decrypt'], '*')],
    [allow(['ssm:SendCommand', 'ssm:StartSession'], 'arn:aws:ec2:*:*:instance/*'), allow('ec2:RunInstances')],
    [allow('*')],
];
/** A synthetic organization: accounts of 500 principals (60% users in groups, 40% roles) over shared policy shapes. */
export function syntheticIam(principals) {
    const records = [];
    const accounts = Math.max(1, Math.ceil(principals / PER_ACCOUNT));
    let made = 0;
    for (let a = 0; a < accounts; a++) {
        const account = String(100000000000 + a);
        const inAccount = (recs) => recs.map((r) => JSON.parse(JSON.stringify(r).replaceAll('111111111111', account)));
        for (let i = 0; i < TEMPLATES.length; i++)
            records.push(...inAccount(managedPolicy(`tpl-${i}`, [TEMPLATES[i]])));
        for (let g = 0; g < 10; g++)
            records.push(...inAccount(group(`team-${g}`, { attached: [arn(`policy/tpl-${g % 8}`)] })));
        for (let i = 0; i < PER_ACCOUNT && made < principals; i++, made++) {
            const tpl = (i * 7) % TEMPLATES.length;
            // Admin and MFA-admin templates are rare, as in a real estate.
            const attached = [arn(`policy/tpl-${tpl >= 8 && i % 50 !== 0 ? tpl - 5 : tpl}`)];
            if (i % 5 < 3) {
                records.push(...inAccount(user(`u${i}`, { groups: [`team-${i % 10}`], attached, tags: { team: `t${i % 10}` },
                    ...(i % 3 === 0 ? { policies: [allow('s3:ListAllMyBuckets'), allow('sts:AssumeRole', `arn:aws:iam::${account}:role/r${i + 1}`)] } : {}) })));
            }
            else {
                const trust = i % 4 === 0 ? [trustService('ec2.amazonaws.com')] : i % 4 === 1 ? [trustService('lambda.amazonaws.com')]
                    : i % 4 === 2 ? [trustAws(`arn:aws:iam::${account}:root`)] : [trustAws('arn:aws:iam::999999999999:root', { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } })];
                records.push(...inAccount(role(`r${i}`, { trust, attached, instanceProfile: i % 4 === 0, lastUsed: i % 9 === 0 ? null : '2025-01-01T00:00:00Z', created: '2023-01-01T00:00:00Z' })));
            }
        }
    }
    return records;
}
const policyDocuments = (records) => records.flatMap((r) => (r.type === 'asset' ? [JSON.stringify(r.asset.properties)] : []));
export const iamAnalysis = {
    name: 'iam',
    description: 'IAM analyzer over a synthetic organization (model build + every analysis), against JSON.parse of the same documents',
    async run(ctx) {
        const principals = ctx.rows ?? DEFAULT_PRINCIPALS;
        const records = syntheticIam(principals);
        const inventory = inventoryOf(records);
        const catalogue = await loadActionCatalogue();
        const texts = policyDocuments(records);
        ctx.log(`iam: ${principals} principals, ${texts.length} entities, ${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB of documents`);
        let t = performance.now();
        for (let round = 0; round < 3; round++)
            for (const text of texts)
                JSON.parse(text);
        const parseSeconds = (performance.now() - t) / 3000;
        t = performance.now();
        const model = IamModel.build(inventory, catalogue);
        let findings = 0;
        const now = new Date('2025-06-01T00:00:00Z');
        for (const p of model.principals()) {
            findings += adminFindings(model, p).length + escalationFindings(model, p).length + harmfulFindings(model, p, HARMFUL_PERMISSIONS).length
                + externalTrustFindings(model, p).length + unusedRoleFindings(p, now, 90).length;
        }
        const analysisSeconds = (performance.now() - t) / 1000;
        // Bulk evaluation: every principal against 100 concrete actions on every resource.
        const actions = catalogue.actions.filter((_, i) => i % Math.floor(catalogue.size / 100) === 0).slice(0, 100);
        t = performance.now();
        let allowed = 0;
        for (const p of model.principals())
            for (const a of actions)
                if (model.decide(p, a, '*').verdict !== 'deny')
                    allowed++;
        const evalSeconds = (performance.now() - t) / 1000;
        const evaluations = model.principals().length * actions.length;
        const perSecond = (n, s) => Math.round(n / s);
        const baseline = perSecond(principals, parseSeconds);
        const analysisRate = perSecond(principals, analysisSeconds);
        return [
            { name: 'iam-analysis', backend: ctx.backend, value: analysisRate, unit: 'principals/s', baseline, ratio: analysisRate / baseline,
                principals, findings, seconds: +analysisSeconds.toFixed(2), parseSeconds: +parseSeconds.toFixed(3), baselineIs: 'JSON.parse of every entity document' },
            { name: 'iam-evaluate', backend: ctx.backend, value: perSecond(evaluations, evalSeconds), unit: 'evaluations/s', baseline, ratio: perSecond(evaluations, evalSeconds) / baseline,
                evaluations, allowed, seconds: +evalSeconds.toFixed(2) },
        ];
    },
};
//# sourceMappingURL=iam.js.map