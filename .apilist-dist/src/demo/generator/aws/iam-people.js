import { FIRST_NAMES, LAST_NAMES } from '../names.js';
import { awsTime, daysBeforeSnapshot } from '../time.js';
import { AWS_MANAGED, awsManaged, permissions } from './iam-documents.js';
import { arn, awsId, tagList } from './ids.js';
import { bucketName } from './naming.js';
/**
 * An account's IAM users and groups: a few humans in Admins / Developers / ReadOnly (Billing), and machine
 * users such as a bootstrap `terraform` user with AdministratorAccess. `attach` counts each attachment.
 */
export function buildPeople(rng, account, secretsPolicy, attach) {
    const { id, team } = account;
    const user = (name, groups, attached, inline, tags) => ({
        Path: '/',
        UserName: name,
        UserId: awsId.user(rng),
        Arn: arn.user(id, name),
        CreateDate: awsTime(daysBeforeSnapshot(rng.days(60, 2000))),
        UserPolicyList: inline,
        GroupList: groups,
        AttachedManagedPolicies: attached,
        Tags: tagList(tags),
    });
    const groupDefs = [
        ['Admins', [awsManaged(AWS_MANAGED.admin)]],
        ['Developers', [awsManaged(AWS_MANAGED.powerUser), awsManaged(AWS_MANAGED.changePassword), secretsPolicy]],
        ['ReadOnly', [awsManaged(AWS_MANAGED.readOnly), awsManaged(AWS_MANAGED.changePassword)]],
    ];
    if (rng.chance(0.5))
        groupDefs.push(['Billing', [awsManaged(AWS_MANAGED.billing)]]);
    const groups = groupDefs.map(([name, refs]) => ({
        Path: '/',
        GroupName: name,
        GroupId: awsId.group(rng),
        Arn: arn.group(id, name),
        CreateDate: awsTime(daysBeforeSnapshot(rng.days(900, 2000))),
        GroupPolicyList: [],
        AttachedManagedPolicies: attach(refs),
    }));
    const users = [];
    const adminUsers = [];
    const names = new Set();
    const humans = rng.around(5, 0.4);
    for (let i = 0; i < humans; i++) {
        let name = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`;
        while (names.has(name))
            name = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`;
        names.add(name);
        const groupList = [rng.weighted([['Admins', 0.15], ['Developers', 0.6], ['ReadOnly', 0.25]])];
        if (groupList[0] !== 'ReadOnly' && rng.chance(0.2) && groupDefs.some(([g]) => g === 'Billing'))
            groupList.push('Billing');
        if (groupList.includes('Admins'))
            adminUsers.push(arn.user(id, name));
        users.push(user(name, groupList, [], [], { team: rng.chance(0.7) ? team : undefined }));
    }
    if (account.forcePlants || rng.chance(0.5)) {
        users.push(user('terraform', [], attach([awsManaged(AWS_MANAGED.admin)]), [], { 'managed-by': 'bootstrap' }));
        adminUsers.push(arn.user(id, 'terraform'));
    }
    if (rng.chance(0.5)) {
        users.push(user('backup-uploader', [], [], [{ PolicyName: 'backup-put', PolicyDocument: permissions.backupUpload(bucketName(account.alias, 'backups')) }], { team }));
    }
    if (rng.chance(0.3))
        users.push(user('smtp-relay', [], attach([secretsPolicy]), [], { team: 'platform' }));
    return { users, groups, adminUsers };
}
//# sourceMappingURL=iam-people.js.map