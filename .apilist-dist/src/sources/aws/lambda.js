import { z } from 'zod';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { parseUntrustedJson } from '../json.js';
import { scopeCoverage, validated } from './call-result.js';
import { scanEnvironment } from './env-secrets.js';
import { awsScope, ec2Arn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
const LambdaFunction = z.looseObject({
    FunctionName: ResourceName,
    FunctionArn: z.string().min(1),
    Role: z.string().optional(),
    Environment: z.looseObject({ Variables: z.record(z.string(), z.string()).optional() }).optional(),
    VpcConfig: z.looseObject({
        SubnetIds: z.array(z.string()).default([]),
        SecurityGroupIds: z.array(z.string()).default([]),
        VpcId: z.string().optional(),
    }).optional(),
});
const ListFunctions = z.looseObject({ Functions: z.array(LambdaFunction) });
const UrlConfig = z.looseObject({ AuthType: z.string() });
const GetPolicy = z.looseObject({ Policy: z.string() });
const CALLS = { functions: 'lambda-list-functions', url: 'lambda-get-function-url-config', policy: 'lambda-get-policy' };
// Lambda answers "this function has none" (no URL, no resource policy) with this code.
const NONE = ['ResourceNotFoundException'];
export const LAMBDA_SECRET_RULE = 'aws.lambda.environment-secret';
/** The function as stored: environment variable names only, never their values. */
function withoutValues(fn) {
    const { Environment, ...rest } = fn;
    if (!Environment)
        return rest;
    const { Variables, ...environment } = Environment;
    return { ...rest, Environment: { ...environment, VariableNames: Object.keys(Variables ?? {}).sort() } };
}
function secretFindings(scope, fn) {
    return scanEnvironment(fn.Environment?.Variables ?? {}).map((h) => ({
        type: 'finding',
        scope,
        finding: {
            fingerprint: ruleFingerprint('secret', LAMBDA_SECRET_RULE, fn.FunctionArn, `env:${h.variable}#secret:${h.digest}`),
            kind: 'secret',
            ruleId: LAMBDA_SECRET_RULE,
            title: `${h.description} in environment variable ${h.variable} of Lambda function ${fn.FunctionName}`,
            description: `The environment variable ${h.variable} of ${fn.FunctionArn} holds a ${h.description.toLowerCase()} in clear text; anyone allowed lambda:GetFunctionConfiguration can read it.`,
            severity: h.severity,
            assetUid: fn.FunctionArn,
            evidence: { function: fn.FunctionArn, variable: h.variable, detector: h.detector, redacted: h.redacted },
            remediation: 'Rotate the secret, then keep it in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time.',
        },
    }));
}
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'lambda');
    const functions = validated(ListFunctions, calls.call(CALLS.functions));
    const details = new ResourceDetails(calls);
    const out = [];
    const arn = (type, id) => ec2Arn(region, account, type, id);
    for (const fn of functions.status === 'ok' ? functions.data.Functions : []) {
        const uid = fn.FunctionArn;
        const properties = withoutValues(fn);
        const url = details.fill(properties, 'FunctionUrlConfig', CALLS.url, fn.FunctionName, UrlConfig, NONE, (d) => d);
        // Derived: a function URL with AuthType NONE can be invoked by anyone on the internet.
        if (url.kind === 'value' || url.kind === 'none')
            properties.PublicUrl = url.kind === 'value' && UrlConfig.parse(url.value).AuthType === 'NONE';
        details.fill(properties, 'Policy', CALLS.policy, fn.FunctionName, GetPolicy, NONE, (d, where) => parseUntrustedJson(d.Policy, `${where}: field Policy`));
        out.push(awsAsset(scope, { uid, kind: 'aws.lambda.function', name: fn.FunctionName, account, region, properties }));
        if (fn.Role)
            out.push(edge(scope, uid, 'has_role', fn.Role));
        for (const s of fn.VpcConfig?.SubnetIds ?? [])
            out.push(edge(scope, uid, 'in_subnet', arn('subnet', s)));
        for (const sg of fn.VpcConfig?.SecurityGroupIds ?? [])
            out.push(edge(scope, uid, 'in_security_group', arn('security-group', sg)));
        if (fn.VpcConfig?.VpcId)
            out.push(edge(scope, uid, 'in_vpc', arn('vpc', fn.VpcConfig.VpcId)));
        out.push(...secretFindings(scope, fn));
    }
    const coverage = scopeCoverage(scope, [functions], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/**
 * Lambda functions of one region, scope `aws:<account>:<region>:lambda`, with their URL and resource policy,
 * and a `secret` finding per secret found in their environment variables (whose values are never stored).
 */
export const lambdaService = {
    plan: {
        calls: [CALLS.functions],
        perResource: [CALLS.url, CALLS.policy].map((call) => ({
            call,
            resources: (read) => listed(read.call(CALLS.functions), ListFunctions, (d) => d.Functions.map((f) => f.FunctionName)),
        })),
    },
    normalize,
};
//# sourceMappingURL=lambda.js.map