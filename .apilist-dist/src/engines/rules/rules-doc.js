import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES_DIR, loadRuleCatalog } from './load.js';
/** Display names of providers; an unknown one is shown as its id. */
const PROVIDERS = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure', k8s: 'Kubernetes', github: 'GitHub' };
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];
/** Where a built-in rule lives in the repository (the compiled copy sits in dist/, the source in src/). */
function sourcePath(e) {
    return `src/engines/rules/builtin/${relative(BUILTIN_RULES_DIR, e.file).split(sep).join('/')}`;
}
/** Markdown-safe single line: a table cell or a heading must not be split or broken by the text. */
const cell = (s) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const anchor = (id) => id.replace(/\./g, '');
const fence = (lang, body) => {
    const ticks = body.includes('```') ? '````' : '```';
    return `${ticks}${lang}\n${body.trim()}\n${ticks}`;
};
/**
 * docs/rules.md from the built-in rules themselves, grouped by provider then service (the first two parts
 * of the id), so the reference can never drift from what the engine evaluates.
 */
export function renderRulesDoc(entries) {
    const groups = new Map();
    for (const e of [...entries].sort((a, b) => a.rule.id.localeCompare(b.rule.id))) {
        const [provider = '', service = ''] = e.rule.id.split('.');
        const byService = groups.get(provider) ?? new Map();
        groups.set(provider, byService);
        byService.set(service, [...(byService.get(service) ?? []), e]);
    }
    const bySeverity = SEVERITY_ORDER.map((s) => [entries.filter((e) => e.rule.severity === s).length, s]).filter(([n]) => n > 0).map(([n, s]) => `${n} ${s}`).join(', ');
    const out = [
        '# Built-in rules',
        '',
        'Generated from `src/engines/rules/builtin/` by `npm run docs` — do not edit by hand.',
        '',
        `${entries.length} rules (${bySeverity}). Each is one YAML file holding its SQL over the public views,`,
        'its examples, and the text below; `mothership rules` lists them with your own packs, `mothership rules test`',
        'runs their examples. Writing a rule pack: see the rules section of the [README](../README.md#rules).',
        '',
    ];
    for (const [provider, services] of groups) {
        out.push(`- **${PROVIDERS[provider] ?? provider}**: ${[...services.keys()].map((s) => `[${s}](#${anchor(`${provider}-${s}`)})`).join(', ')}`);
    }
    for (const [provider, services] of groups) {
        out.push('', `## ${PROVIDERS[provider] ?? provider}`);
        for (const [service, list] of services) {
            out.push('', `### ${provider}-${service}`, '', '| id | severity | title |', '|---|---|---|');
            for (const { rule } of list)
                out.push(`| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severity} | ${cell(rule.title)} |`);
            for (const e of list) {
                const { rule } = e;
                out.push('', `#### ${rule.id}`, '', `**${cell(rule.title)}**`, '', `Severity **${rule.severity}**, kind \`${rule.kind}\`` +
                    (rule.frameworks.length ? `; ${rule.frameworks.map((f) => `\`${f}\``).join(', ')}` : '') +
                    `. Source: [${sourcePath(e).split('/').pop()}](../${sourcePath(e)}).`, '', rule.rationale.trim(), '', `*Console:* ${rule.remediation.console.trim()}`);
                if (rule.remediation.cli)
                    out.push('', '*CLI:*', '', fence('sh', rule.remediation.cli));
                const tf = rule.remediation.terraform?.trim();
                // Terraform is either a sentence or an HCL snippet.
                if (tf)
                    out.push('', ...(tf.includes('\n') ? ['*Terraform:*', '', fence('hcl', tf)] : [`*Terraform:* ${tf}`]));
            }
        }
    }
    return out.join('\n') + '\n';
}
/** The document for the built-in rules as they are now. */
export function generateRulesDoc() {
    return renderRulesDoc(loadRuleCatalog());
}
if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.stdout.write(generateRulesDoc());
}
//# sourceMappingURL=rules-doc.js.map