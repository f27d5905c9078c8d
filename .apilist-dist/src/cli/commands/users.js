import { withDb } from '../context.js';
import { addUser, createToken } from '../../server/auth/accounts.js';
import { isRole } from '../../server/auth/principal.js';
import { badInput } from '../../model/errors.js';
import { newSecret } from '../../server/auth/secrets.js';
function parseRole(value) {
    if (!isRole(value))
        throw badInput('--role', `"${value}" is not one of admin, analyst, member, viewer`);
    return value;
}
async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin)
        chunks.push(c);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
export function registerUsers(program) {
    const users = program.command('users').description('local users of the API and dashboard');
    users
        .command('add <name>')
        .description('add a user; members need --tenant (their owning team)')
        .requiredOption('--role <role>', 'admin, analyst, member or viewer', parseRole)
        .option('--tenant <owner>', 'the owning team a member or viewer is confined to')
        .option('--password-stdin', 'read the password from standard input')
        .option('--generate-password', 'generate a password and print it once')
        .action(async (name, opts, cmd) => {
        const password = opts.passwordStdin ? await readStdin() : opts.generatePassword ? newSecret('pw', 18).slice(3) : null;
        await withDb(cmd, (db) => addUser(db, { name, role: opts.role, tenant: opts.tenant ?? null, password }));
        process.stdout.write(opts.generatePassword ? `${password}\n` : `user ${name} added (${opts.role}${opts.tenant ? `, tenant ${opts.tenant}` : ''})\n`);
    });
    program
        .command('tokens')
        .description('API tokens')
        .command('create')
        .description('issue an API token for a user; prints only the token, once')
        .requiredOption('--user <name>', 'the user the token acts as')
        .option('--name <text>', 'what the token is for')
        .option('--role <role>', 'a role at most as strong as the user\'s', parseRole)
        .option('--tenant <owner>', 'confine the token to a tenant')
        .option('--expires-days <n>', 'expire after n days')
        .action(async (opts, cmd) => {
        let expiresAt;
        if (opts.expiresDays !== undefined) {
            const days = Number(opts.expiresDays);
            if (!Number.isFinite(days) || days <= 0)
                throw badInput('--expires-days', `"${opts.expiresDays}" is not a positive number`);
            expiresAt = new Date(Date.now() + days * 86400_000);
        }
        const token = await withDb(cmd, (db) => createToken(db, { user: opts.user, name: opts.name, role: opts.role, tenant: opts.tenant, expiresAt }));
        process.stdout.write(`${token}\n`);
    });
}
//# sourceMappingURL=users.js.map