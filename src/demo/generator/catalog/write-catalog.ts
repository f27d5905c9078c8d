import type { OutputTree } from '../output-tree.js';
import type { OrgPlan } from '../plan.js';

/**
 * The organization's service catalogue as `mothership import catalog` reads it (docs/ownership.md): a
 * Backstage `catalog-info.yaml` export (a Group per team, a Component per service with its repository and
 * image repository) and an `owners.yaml` (teams with contacts, one rule per account and cluster, a default).
 */

type Yaml = string | number | boolean | null | readonly Yaml[] | { readonly [key: string]: Yaml };

/** Block YAML for plain data; every string is double-quoted (JSON string syntax is valid YAML). */
export function toYaml(value: Yaml, indent = ''): string {
  if (Array.isArray(value)) {
    const items = value as readonly Yaml[];
    if (items.length === 0) return '[]';
    return items.map((v) => `\n${indent}- ${toYaml(v, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries.map(([k, v]) => {
      const nested = v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
      const key = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(k) ? k : JSON.stringify(k);
      return `\n${indent}${key}:${nested ? toYaml(v, `${indent}  `) : ` ${toYaml(v, indent)}`}`;
    }).join('');
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const document = (value: Yaml) => `${toYaml(value).replace(/^\n/, '')}\n`;

export interface CatalogResult {
  /** Assets the two files yield: groups, components, owners.yaml teams and rules (the default included). */
  entries: number;
}

export async function writeCatalog(out: OutputTree, org: OrgPlan, clusters: readonly string[]): Promise<CatalogResult> {
  const groups = org.teams.map((t) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: t.id, title: t.name, annotations: { 'slack.com/channel': t.slackChannel } },
    spec: { type: 'team', profile: { displayName: t.name, email: `${t.id}@${org.company}.example` }, children: [] },
  }));
  const components = org.services.map((s) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: s.name,
      annotations: {
        'backstage.io/source-location': `url:https://github.com/${org.company}/${s.name}/tree/main/`,
        'github.com/project-slug': `${org.company}/${s.name}`,
        'mothership.io/images': `${org.registry}/${s.team}/${s.name}`,
        'mothership.io/tier': s.internetFacing ? 'tier-1' : 'tier-2',
      },
      tags: [s.runtime],
    },
    spec: { type: 'service', lifecycle: 'production', owner: `group:${s.team}` },
  }));
  // The Groups first: the file's scope is named after its first entity.
  await out.writeText('catalog/catalog-info.yaml', [...groups, ...components].map(document).join('---\n'));

  const rules = [
    ...org.accounts.map((a) => ({ match: { account: a.id }, owner: a.team })),
    ...clusters.map((c) => ({ match: { account: c }, owner: 'platform' })),
  ];
  const owners = {
    teams: org.teams.map((t) => ({ id: t.id, name: t.name, slack: t.slackChannel, email: `${t.id}@${org.company}.example`, members: [] })),
    rules,
    default: 'platform',
  };
  await out.writeText('catalog/owners.yaml', `# Who owns what: first matching rule wins; see docs/ownership.md.\n${document(owners)}`);
  return { entries: groups.length + components.length + org.teams.length + rules.length + 1 };
}
