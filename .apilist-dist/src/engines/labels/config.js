import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { parseUntrustedYaml } from '../../sources/shared/yaml.js';
export const DEFAULT_LABELS_CONFIG = {
    sensitiveData: {
        tagKeys: ['data-classification', 'data_classification', 'dataclassification', 'classification', 'sensitivity', 'data-sensitivity', 'data_sensitivity'],
        tagValues: ['confidential', 'restricted', 'secret', 'pii', 'sensitive', 'phi', 'pci'],
        findingKinds: ['data'],
    },
    vulnerabilityFamilies: {
        // Log4Shell and its follow-ups in log4j-core.
        Log4J: ['CVE-2021-44228', 'CVE-2021-45046', 'CVE-2021-45105', 'CVE-2021-44832'],
        // Spring Framework RCE through data binding on JDK 9+.
        Spring4Shell: ['CVE-2022-22965'],
        // Apache Commons Text variable interpolation.
        Text4Shell: ['CVE-2022-42889'],
        // OpenSSH sshd signal-handler race (a regression of CVE-2006-5051).
        regreSSHion: ['CVE-2024-6387'],
        // The backdoor in xz/liblzma 5.6.0 and 5.6.1.
        XZBackdoor: ['CVE-2024-3094'],
    },
};
const Words = z.array(z.string().trim().min(1)).max(1000);
const LabelName = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, 'a label is a word of letters, digits, . _ - (at most 64)');
/** The YAML file: every field optional; a given list replaces the default list, families are merged by name. */
export const LabelsConfigFile = z.strictObject({
    sensitiveData: z.strictObject({
        tagKeys: Words.optional(),
        tagValues: Words.optional(),
        findingKinds: Words.optional(),
    }).optional(),
    /** `Name: [ids]` adds or replaces a family; `Name: []` removes it. */
    vulnerabilityFamilies: z.record(LabelName, Words).optional(),
});
/** The defaults with the overrides applied. */
export function labelsConfig(overrides = {}, base = DEFAULT_LABELS_CONFIG) {
    const families = { ...base.vulnerabilityFamilies };
    for (const [name, ids] of Object.entries(overrides.vulnerabilityFamilies ?? {})) {
        if (ids.length === 0)
            delete families[name];
        else
            families[name] = ids.map((id) => id.toUpperCase());
    }
    const s = overrides.sensitiveData ?? {};
    return {
        sensitiveData: {
            tagKeys: s.tagKeys ?? base.sensitiveData.tagKeys,
            tagValues: s.tagValues ?? base.sensitiveData.tagValues,
            findingKinds: s.findingKinds ?? base.sensitiveData.findingKinds,
        },
        vulnerabilityFamilies: families,
    };
}
/** Validates an already parsed config document; errors name the file and the field. */
export function parseLabelsConfig(value, where) {
    if (value === undefined || value === null)
        return {};
    const r = LabelsConfigFile.safeParse(value);
    if (!r.success) {
        const issue = r.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        // A bad family name is reported as "invalid key"; the reason is the nested issue.
        const message = issue?.code === 'invalid_key' ? issue.issues[0]?.message ?? issue.message : issue?.message;
        throw badInput(where, `${path ? `field ${path}: ` : ''}${message ?? 'invalid labels configuration'}`);
    }
    return r.data;
}
/** Reads a labels configuration file (YAML or JSON, one document): the overrides it holds. */
export function loadLabelsConfigFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (e) {
        throw badInput(path, `cannot read the labels configuration: ${e.message}`, e);
    }
    const docs = parseUntrustedYaml(text, path);
    if (docs.length > 1)
        throw badInput(path, 'expected one YAML document, found several');
    return parseLabelsConfig(docs[0], path);
}
//# sourceMappingURL=config.js.map