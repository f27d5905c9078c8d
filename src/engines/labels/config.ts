import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { readConfigDocument } from '../../sources/shared/yaml.js';

/**
 * What the labels engine needs to be told about an organization: which tags mark sensitive data, and which
 * advisories make up each vulnerability family. Defaults here; `mothership analyze --labels-config` overrides.
 */
export interface LabelsConfig {
  sensitiveData: {
    /** Tag keys that classify data, compared case-insensitively. */
    tagKeys: readonly string[];
    /** Values of those tags that mean sensitive, compared case-insensitively. */
    tagValues: readonly string[];
    /** Finding kinds from data scanners (Macie and the like) that mark their asset sensitive. */
    findingKinds: readonly string[];
  };
  /** Label → advisory ids (CVE, GHSA, ...): an asset with an open finding on any of them gets the label. */
  vulnerabilityFamilies: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_LABELS_CONFIG: LabelsConfig = {
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
export type LabelsConfigOverrides = z.output<typeof LabelsConfigFile>;

/** The defaults with the overrides applied. */
export function labelsConfig(overrides: LabelsConfigOverrides = {}, base: LabelsConfig = DEFAULT_LABELS_CONFIG): LabelsConfig {
  const families: Record<string, readonly string[]> = { ...base.vulnerabilityFamilies };
  for (const [name, ids] of Object.entries(overrides.vulnerabilityFamilies ?? {})) {
    if (ids.length === 0) delete families[name];
    else families[name] = ids.map((id) => id.toUpperCase());
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
export function parseLabelsConfig(value: unknown, where: string): LabelsConfigOverrides {
  if (value === undefined || value === null) return {};
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
export function loadLabelsConfigFile(path: string): LabelsConfigOverrides {
  return parseLabelsConfig(readConfigDocument(path, 'the labels configuration'), path);
}
