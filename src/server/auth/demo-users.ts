import type { Queryable } from '../../store/db.js';
import { addUser, setPassword } from './accounts.js';
import { newSecret } from './secrets.js';

export interface DemoLogin { name: string; role: string; tenant: string | null; password: string }

const password = () => newSecret('pw', 12).slice(3);

/**
 * The demo's logins: an admin and a member for each of a few owning teams (the platform team first),
 * each with a fresh password printed by the demo command. Existing users get a new password.
 */
export async function ensureDemoUsers(db: Queryable, teams = 3): Promise<DemoLogin[]> {
  // Teams are owners declared in the catalogue or named on assets (tags, account map, --owner).
  const owners = await db.query<{ id: string }>(
    `select o.id from (select id from owners union select distinct owner from assets where owner is not null) o
     order by (o.id like '%platform%') desc, (select count(*) from findings f where f.owner = o.id and f.status = 'open') desc, o.id
     limit $1`, [teams]);
  const wanted: Omit<DemoLogin, 'password'>[] = [
    { name: 'admin', role: 'admin', tenant: null },
    ...owners.map((o) => ({ name: o.id, role: 'member', tenant: o.id })),
  ];
  const logins: DemoLogin[] = [];
  for (const w of wanted) {
    const pw = password();
    const [exists] = await db.query('select 1 from users where name = $1', [w.name]);
    if (exists) await setPassword(db, w.name, pw);
    else await addUser(db, { name: w.name, role: w.role as 'admin' | 'member', tenant: w.tenant, password: pw });
    logins.push({ ...w, password: pw });
  }
  return logins;
}
