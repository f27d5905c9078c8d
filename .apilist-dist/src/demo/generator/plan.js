import { COMPANIES, CORE_TEAMS, ENV_NAMES, ENVS, GENERIC_NOUNS, INTERNET_FACING_HINTS, MORE_DOMAINS, REGIONS, titleCase } from './names.js';
import { rngFor } from './random.js';
const ENV_FACTOR = { prod: 1, staging: 0.6, dev: 0.45, sandbox: 0.3 };
const ALL_RUNTIMES = ['node', 'python', 'java', 'go'];
function planTeams(rng, count) {
    const teams = [];
    for (let i = 0; i < count; i++) {
        let seed;
        const core = CORE_TEAMS[i];
        if (core)
            seed = core;
        else {
            const k = i - CORE_TEAMS.length;
            const domain = MORE_DOMAINS[k % MORE_DOMAINS.length] ?? 'team';
            const round = Math.floor(k / MORE_DOMAINS.length);
            const id = round === 0 ? domain : `${domain}-${round + 1}`;
            seed = { id, name: titleCase(id), nouns: [], runtimes: rng.sample(ALL_RUNTIMES, rng.int(2, 3)) };
        }
        teams.push({ index: i, id: seed.id, name: seed.name, slackChannel: `#team-${seed.id}`, nouns: seed.nouns, runtimes: seed.runtimes });
    }
    return teams;
}
function planAccounts(seed, company, teams, count, scale) {
    const used = new Set();
    const accounts = [];
    for (let i = 0; i < count; i++) {
        const rng = rngFor(seed, 'account-plan', i);
        let id = rng.digits(12);
        while (used.has(id))
            id = rng.digits(12);
        used.add(id);
        const team = teams[i % teams.length];
        const round = Math.floor(i / teams.length);
        const baseEnv = ENVS[round % ENVS.length] ?? 'prod';
        const env = round < ENVS.length ? baseEnv : `${baseEnv}-${Math.floor(round / ENVS.length) + 1}`;
        const first = rng.weighted([['us-east-1', 0.45], ['eu-west-1', 0.3], ['us-west-2', 0.15], ['eu-central-1', 0.1]]);
        const regionCount = scale >= 2 && rng.chance(0.15) ? 3 : 2;
        const regions = [first, ...rng.sample(REGIONS.filter((r) => r !== first), regionCount - 1)];
        const publicAccessBlock = i === 0 ? 'none' : rng.weighted([['all', 0.6], ['none', 0.3], ['acls-only', 0.1]]);
        accounts.push({
            index: i,
            id,
            alias: `${company}-${team.id}-${env}`,
            name: `${titleCase(company)} ${team.name} ${ENV_NAMES[baseEnv] ?? titleCase(env)}${env === baseEnv ? '' : ` ${env.slice(baseEnv.length + 1)}`}`,
            team: team.id,
            env,
            envFactor: ENV_FACTOR[baseEnv] ?? 1,
            regions,
            publicAccessBlock,
            forcePlants: i === 0,
            attackChains: 0,
            attackChainDecoys: 0,
        });
    }
    // A few attack chains and decoys: account 0 always has one of each, the rest land anywhere.
    const rng = rngFor(seed, 'chains');
    const chains = Math.max(1, Math.round(2 * scale));
    const decoys = Math.max(2, Math.round(3 * scale));
    for (let c = 0; c < chains; c++)
        accounts[c === 0 ? 0 : rng.int(0, count - 1)].attackChains++;
    for (let d = 0; d < decoys; d++)
        accounts[d < 2 ? 0 : rng.int(0, count - 1)].attackChainDecoys++;
    return accounts;
}
function planServices(seed, teams, accounts, count) {
    const rng = rngFor(seed, 'services');
    const weights = teams.map((t) => [t, 0.6 + rng.next() * 0.8]);
    const names = new Set();
    const nounCursor = new Map();
    const accountsOfTeam = new Map();
    for (const a of accounts)
        accountsOfTeam.set(a.team, [...(accountsOfTeam.get(a.team) ?? []), a.index]);
    const services = [];
    for (let i = 0; i < count; i++) {
        const team = i < teams.length ? teams[i] : rng.weighted(weights);
        const cursor = nounCursor.get(team.id) ?? 0;
        nounCursor.set(team.id, cursor + 1);
        const ownNoun = team.nouns[cursor];
        const noun = ownNoun ?? GENERIC_NOUNS[(cursor - team.nouns.length) % GENERIC_NOUNS.length] ?? 'service';
        const baseName = ownNoun ?? `${team.id}-${noun}`;
        let name = baseName;
        for (let n = 2; names.has(name); n++)
            name = `${baseName}-${n}`;
        names.add(name);
        const freshness = 1 - rng.next() ** 1.8;
        // A team without an account of its own runs its services as a guest in another team's account; a team
        // with several accounts spreads its services over them (one, sometimes two each) so accounts stay account-sized.
        const own = accountsOfTeam.get(team.id);
        const home = own ? own[cursor % own.length] : team.index % accounts.length;
        const second = own && own.length > 1 && rng.chance(0.5) ? own[(cursor + 1) % own.length] : null;
        const accountsHere = second === null ? [home] : [home, second];
        services.push({
            index: i,
            name,
            team: team.id,
            runtime: rng.pick(team.runtimes),
            internetFacing: INTERNET_FACING_HINTS.some((hint) => noun.includes(hint)),
            freshness,
            baseBuild: rng.chance(0.08 + 0.25 * (1 - freshness)) ? 'previous' : 'current',
            version: `${rng.int(0, 4)}.${rng.int(0, 30)}.${rng.int(0, 12)}`,
            accounts: accountsHere,
        });
    }
    return services;
}
export function planOrganization(seed, scale) {
    if (!(scale > 0) || !Number.isFinite(scale))
        throw new Error(`scale must be a positive number, got ${scale}`);
    const rng = rngFor(seed, 'org');
    const company = rng.pick(COMPANIES);
    const organizationId = `o-${rng.hex(10)}`;
    const teams = planTeams(rng, Math.max(3, Math.round(8 * Math.sqrt(scale))));
    const accounts = planAccounts(seed, company, teams, Math.max(1, Math.round(4 * scale)), scale);
    const services = planServices(seed, teams, accounts, Math.max(teams.length, Math.round(40 * scale)));
    const servicesByAccount = accounts.map(() => []);
    for (const s of services)
        for (const a of s.accounts)
            servicesByAccount[a]?.push(s);
    for (const [i, list] of servicesByAccount.entries()) {
        const owner = accounts[i]?.team;
        list.sort((x, y) => Number(y.team === owner) - Number(x.team === owner) || x.index - y.index);
    }
    const platform = accounts[0];
    return {
        seed,
        scale,
        company,
        organizationId,
        teams,
        accounts,
        services,
        servicesByAccount,
        registry: `${platform.id}.dkr.ecr.${platform.regions[0] ?? 'us-east-1'}.amazonaws.com`,
    };
}
//# sourceMappingURL=plan.js.map