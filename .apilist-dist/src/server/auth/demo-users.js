import { addUser, setPassword } from './accounts.js';
import { newSecret } from './secrets.js';
const password = () => newSecret('pw', 12).slice(3);
/**
 * The demo's logins: an admin and a member for each of a few owning teams (the platform team first),
 * each with a fresh password printed by the demo command. Existing users get a new password.
 */
export async function ensureDemoUsers(db, teams = 3) {
    const owners = await db.query(`select o.id from owners o order by (o.id like '%platform%') desc, (select count(*) from findings f where f.owner = o.id) desc, o.id limit $1`, [teams]);
    const wanted = [
        { name: 'admin', role: 'admin', tenant: null },
        ...owners.map((o) => ({ name: o.id, role: 'member', tenant: o.id })),
    ];
    const logins = [];
    for (const w of wanted) {
        const pw = password();
        const [exists] = await db.query('select 1 from users where name = $1', [w.name]);
        if (exists)
            await setPassword(db, w.name, pw);
        else
            await addUser(db, { name: w.name, role: w.role, tenant: w.tenant, password: pw });
        logins.push({ ...w, password: pw });
    }
    return logins;
}
//# sourceMappingURL=demo-users.js.map