import { z } from 'zod';
import { callOutcome, describeFailure } from './call-result.js';
import { parseCredentialReport, ROOT_USER } from './credential-report.js';
import { AccountAuthorizationDetails, IAM_LIST_CALL } from './iam.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
const CALLS = {
    report: 'iam-get-credential-report',
    passwordPolicy: 'iam-get-account-password-policy',
    accessKeys: 'iam-list-access-keys',
    keyLastUsed: 'iam-get-access-key-last-used',
    mfaDevices: 'iam-list-mfa-devices',
};
const AccessKey = z.looseObject({ AccessKeyId: ResourceName, Status: z.string().optional(), CreateDate: z.string().optional() });
const ListAccessKeys = z.looseObject({ AccessKeyMetadata: z.array(AccessKey) });
const KeyLastUsed = z.looseObject({ AccessKeyLastUsed: z.looseObject({}) });
const ListMfaDevices = z.looseObject({ MFADevices: z.array(z.looseObject({ SerialNumber: z.string() })) });
const PasswordPolicy = z.looseObject({ PasswordPolicy: z.looseObject({}) });
const Users = AccountAuthorizationDetails.pick({ UserDetailList: true });
const userNames = (read) => listed(read.call(IAM_LIST_CALL), Users, (d) => d.UserDetailList.map((u) => u.UserName));
/**
 * The global IAM calls: authorization details (the `iam` scope's list call), then the account's credential
 * report and password policy, and per user their access keys (with when each was last used) and MFA devices.
 */
export const IAM_PLAN = {
    calls: [IAM_LIST_CALL, CALLS.report, CALLS.passwordPolicy],
    perResource: [
        { call: CALLS.accessKeys, resources: userNames },
        { call: CALLS.mfaDevices, resources: userNames },
        {
            call: CALLS.keyLastUsed,
            resources: (read) => userNames(read).flatMap((user) => listed(read.resource(CALLS.accessKeys, user), ListAccessKeys, (d) => d.AccessKeyMetadata.map((k) => k.AccessKeyId))),
        },
    ],
};
function userProperties(details, user, report, arn) {
    const properties = {};
    const row = report?.rows.get(arn);
    if (row)
        properties.CredentialReport = row;
    const keys = details.fill(properties, 'AccessKeys', CALLS.accessKeys, user, ListAccessKeys, [], (d) => d.AccessKeyMetadata);
    if (keys.kind === 'value') {
        properties.AccessKeys = ListAccessKeys.shape.AccessKeyMetadata.parse(keys.value).map((k) => {
            const used = details.outcome(CALLS.keyLastUsed, k.AccessKeyId, KeyLastUsed, [], (d) => d.AccessKeyLastUsed);
            // Absent when not collected; `{ServiceName: "N/A"}` without a date when the key was never used.
            return used.kind === 'value' ? { ...k, LastUsed: used.value } : k;
        });
    }
    details.fill(properties, 'MFADevices', CALLS.mfaDevices, user, ListMfaDevices, [], (d) => d.MFADevices);
    return properties;
}
/**
 * Reads the credential calls: the report's rows go to users (`CredentialReport`) and the root's row to the
 * account (`RootCredentials`); the password policy (`NoSuchEntity`: none) to the account as `PasswordPolicy`.
 */
export function iamCredentials(calls) {
    const details = new ResourceDetails(calls);
    const account = {};
    const report = calls.call(CALLS.report);
    const parsed = report.status === 'ok' ? parseCredentialReport(report.data, report.where) : null;
    if (report.status === 'error')
        details.problems.push(describeFailure(report) ?? report.code);
    if (parsed) {
        account.CredentialReportGeneratedTime = parsed.generatedTime;
        account.RootCredentials = [...parsed.rows.values()].find((r) => r.user === ROOT_USER) ?? null;
    }
    const policy = callOutcome(calls.call(CALLS.passwordPolicy), PasswordPolicy, ['NoSuchEntity'], (d) => d.PasswordPolicy);
    if (policy.kind === 'value' || policy.kind === 'none')
        account.PasswordPolicy = policy.kind === 'value' ? policy.value : null;
    if (policy.kind === 'refused')
        details.problems.push(policy.problem);
    const users = new Map();
    const list = listed(calls.call(IAM_LIST_CALL), Users, (d) => d.UserDetailList);
    for (const u of list)
        users.set(u.Arn, userProperties(details, u.UserName, parsed, u.Arn));
    return { users, account, problems: details.problems };
}
//# sourceMappingURL=iam-credentials.js.map