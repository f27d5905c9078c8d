import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badInput } from '../../model/errors.js';
import { parseUntrustedYaml } from '../../sources/shared/yaml.js';
import { Rule } from './rule.js';
/** Where the built-in rule pack lives (copied next to the compiled code by the build). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('./builtin/', import.meta.url));
const RULE_FILE = /\.(ya?ml|json)$/i;
/** Validates one rule, naming the file and the field that is wrong. */
export function parseRule(input, where) {
    const r = Rule.safeParse(input);
    if (!r.success) {
        const issue = r.error.issues[0];
        const id = input?.id;
        throw badInput(typeof id === 'string' ? `${where} (rule ${id})` : where, `${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    return r.data;
}
/** Reads one rule file: YAML (one rule per file, one document) or JSON. */
export function loadRuleFile(path) {
    const text = readFileSync(path, 'utf8');
    let value;
    if (/\.json$/i.test(path)) {
        try {
            value = JSON.parse(text);
        }
        catch (e) {
            throw badInput(path, `invalid JSON: ${e.message}`, e);
        }
    }
    else {
        const docs = parseUntrustedYaml(text, path);
        if (docs.length !== 1)
            throw badInput(path, `expected one rule (one YAML document), found ${docs.length}`);
        value = docs[0];
    }
    return parseRule(value, path);
}
function ruleFiles(dir) {
    const out = [];
    const walk = (d) => {
        for (const name of readdirSync(d).sort()) {
            const p = join(d, name);
            if (statSync(p).isDirectory())
                walk(p);
            else if (RULE_FILE.test(name))
                out.push(p);
        }
    };
    walk(dir);
    return out;
}
function loadDirEntries(dir, source) {
    let isDir;
    try {
        isDir = statSync(dir).isDirectory();
    }
    catch {
        throw badInput(dir, 'rules directory not found');
    }
    if (!isDir)
        throw badInput(dir, 'not a directory');
    const byId = new Map();
    return ruleFiles(dir).map((file) => {
        const rule = loadRuleFile(file);
        const other = byId.get(rule.id);
        if (other)
            throw badInput(file, `rule ${rule.id} is already defined in ${relative(dir, other)}`);
        byId.set(rule.id, file);
        return { rule, source, file };
    });
}
/** Every rule under a directory (recursively), in path order; an id defined twice is an error naming both files. */
export function loadRuleDir(dir) {
    return loadDirEntries(dir, dir).map((e) => e.rule);
}
/** Validates rules given as values (TS modules, tests); ids must be unique. */
export function loadRules(inputs) {
    const seen = new Set();
    return inputs.map((input, i) => {
        const rule = parseRule(input, `rules[${i}]`);
        if (seen.has(rule.id))
            throw badInput(`rule ${rule.id}`, 'defined twice');
        seen.add(rule.id);
        return rule;
    });
}
export const BUILTIN_SOURCE = 'built-in';
/** The built-in rules plus the packs in `dirs`, each with its source; a pack may not redefine an id already loaded. */
export function loadRuleCatalog(dirs = []) {
    const entries = loadDirEntries(BUILTIN_RULES_DIR, BUILTIN_SOURCE);
    const ids = new Map(entries.map((e) => [e.rule.id, 'the built-in pack']));
    for (const dir of dirs) {
        for (const entry of loadDirEntries(dir, dir)) {
            const other = ids.get(entry.rule.id);
            if (other)
                throw badInput(entry.file, `rule ${entry.rule.id} is already defined in ${other}`);
            ids.set(entry.rule.id, dir);
            entries.push(entry);
        }
    }
    return entries;
}
/** The built-in rules plus the packs in `dirs`; a pack may not redefine a built-in id. */
export function loadRulePacks(dirs = []) {
    return loadRuleCatalog(dirs).map((e) => e.rule);
}
//# sourceMappingURL=load.js.map