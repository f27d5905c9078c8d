import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { MothershipError } from '../../../model/errors.js';
import { clientConfig } from './clients.js';
/** Where each partition's global services live. */
const HOME_REGION = { 'aws': 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' };
/** The partition's global region, unless the caller chose one (`region` already in that partition). */
export function homeRegionOf(partition, region) {
    return region ?? HOME_REGION[partition] ?? 'us-east-1';
}
/**
 * Credentials shared by every client of an account: resolved once and reused until five minutes before
 * they expire, so 200 clients make one AssumeRole, not 200.
 */
export function sharedCredentials(credentials) {
    if (typeof credentials !== 'function')
        return credentials;
    const provider = credentials;
    let current = null;
    return async () => {
        if (current) {
            const identity = await current.catch(() => null);
            if (identity && (!identity.expiration || identity.expiration.getTime() - Date.now() > 5 * 60_000))
                return identity;
        }
        current = provider();
        return current;
    };
}
/** The account and partition the credentials belong to (STS GetCallerIdentity). */
export async function callerAccount(credentials, region, settings) {
    const sts = new STSClient(clientConfig(region, credentials, settings));
    try {
        const id = await sts.send(new GetCallerIdentityCommand({}));
        if (!id.Account || !id.Arn)
            throw new MothershipError('BAD_INPUT', 'sts get-caller-identity returned no account');
        return { account: id.Account, arn: id.Arn, partition: id.Arn.split(':')[1] ?? 'aws' };
    }
    finally {
        sts.destroy();
    }
}
async function organizationAccounts(org) {
    const accounts = [];
    let token;
    do {
        const page = await org.send(new ListAccountsCommand({ NextToken: token }));
        accounts.push(...(page.Accounts ?? []));
        token = page.NextToken;
    } while (token);
    return accounts;
}
/**
 * Every active account of the organization the credentials can list (management or delegated
 * administrator account), each reached by assuming `roleName`; the caller's own account with its own
 * credentials (the role usually exists only in member accounts).
 */
export async function organizationTargets(caller, org, settings) {
    const client = new OrganizationsClient(clientConfig(caller.homeRegion, caller.credentials, settings));
    try {
        const organization = await client.send(new DescribeOrganizationCommand({}));
        const organizationId = organization.Organization?.Id;
        const accounts = (await organizationAccounts(client)).filter((a) => a.Id && (a.State ?? a.Status) === 'ACTIVE');
        return accounts.map((a) => {
            const base = { account: a.Id, partition: caller.partition, homeRegion: caller.homeRegion, name: a.Name, organizationId };
            if (a.Id === caller.account)
                return { ...base, credentials: caller.credentials };
            const assumed = fromTemporaryCredentials({
                masterCredentials: caller.credentials,
                params: { RoleArn: `arn:${caller.partition}:iam::${a.Id}:role/${org.roleName}`, RoleSessionName: org.sessionName ?? 'mothership-collect' },
                clientConfig: clientConfig(caller.homeRegion, caller.credentials, settings),
            });
            return { ...base, credentials: sharedCredentials(assumed) };
        }).sort((x, y) => x.account.localeCompare(y.account));
    }
    finally {
        client.destroy();
    }
}
/** Resolves an account's credentials once, so a role that cannot be assumed skips the account with its reason. */
export async function checkCredentials(target) {
    if (typeof target.credentials !== 'function')
        return null;
    try {
        await target.credentials();
        return null;
    }
    catch (e) {
        const err = e;
        return `${err.name ?? 'Error'}: ${err.message ?? String(e)}`;
    }
}
//# sourceMappingURL=accounts.js.map