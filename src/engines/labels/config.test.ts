import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS_CONFIG, labelsConfig, loadLabelsConfigFile } from './config.js';
import { labelsEngine, withLabelsConfigFile } from './engine.js';

const dir = mkdtempSync(join(tmpdir(), 'labels-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('labels configuration', () => {
  it('defaults carry Log4Shell and the other families', () => {
    expect(DEFAULT_LABELS_CONFIG.vulnerabilityFamilies.Log4J).toEqual(['CVE-2021-44228', 'CVE-2021-45046', 'CVE-2021-45105', 'CVE-2021-44832']);
    expect(Object.keys(DEFAULT_LABELS_CONFIG.vulnerabilityFamilies).sort()).toEqual(['Log4J', 'Spring4Shell', 'Text4Shell', 'XZBackdoor', 'regreSSHion']);
  });

  it('a file replaces the lists it gives, adds and removes families, keeps the rest', () => {
    const overrides = loadLabelsConfigFile(file('ok.yaml', [
      'sensitiveData:',
      '  tagValues: [internal-only]',
      'vulnerabilityFamilies:',
      '  Text4Shell: []',
      '  OpenSSLPunycode: [cve-2022-3602, CVE-2022-3786]',
    ].join('\n')));
    const c = labelsConfig(overrides);
    expect(c.sensitiveData.tagValues).toEqual(['internal-only']);
    expect(c.sensitiveData.tagKeys).toEqual(DEFAULT_LABELS_CONFIG.sensitiveData.tagKeys);
    expect(c.vulnerabilityFamilies.OpenSSLPunycode).toEqual(['CVE-2022-3602', 'CVE-2022-3786']);
    expect(c.vulnerabilityFamilies.Text4Shell).toBeUndefined();
    expect(c.vulnerabilityFamilies.Log4J).toBeDefined();
  });

  it('an empty file is the defaults', () => {
    expect(labelsConfig(loadLabelsConfigFile(file('empty.yaml', '')))).toEqual(DEFAULT_LABELS_CONFIG);
  });

  it('rejects bad files naming the file and the field', () => {
    expect(() => loadLabelsConfigFile(file('typo.yaml', 'sensitiveData:\n  tagKey: [x]\n'))).toThrow(/typo\.yaml: field sensitiveData: .*tagKey/);
    expect(() => loadLabelsConfigFile(file('type.yaml', 'vulnerabilityFamilies:\n  Log4J: CVE-2021-44228\n'))).toThrow(/type\.yaml: field vulnerabilityFamilies\.Log4J: /);
    expect(() => loadLabelsConfigFile(file('name.yaml', 'vulnerabilityFamilies:\n  "bad name": [CVE-1]\n'))).toThrow(/name\.yaml: field vulnerabilityFamilies\.bad name: .*label/);
    expect(() => loadLabelsConfigFile(file('syntax.yaml', 'sensitiveData: [\n'))).toThrow(/syntax\.yaml: invalid YAML/);
    expect(() => loadLabelsConfigFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot read/);
  });

  it('withLabelsConfigFile swaps in a configured labels engine and leaves the others', () => {
    const other = { id: 'rules', version: 1, description: '', after: [], run: async function* () { /* nothing */ } };
    const engines = [other, labelsEngine()];
    expect(withLabelsConfigFile(engines, undefined)).toEqual(engines);
    const swapped = withLabelsConfigFile(engines, file('swap.yaml', 'vulnerabilityFamilies: { X: [CVE-1] }'));
    expect(swapped[0]).toBe(other);
    expect(swapped[1]).not.toBe(engines[1]);
    expect(swapped[1]?.id).toBe('labels');
  });
});
