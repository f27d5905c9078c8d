import { describe, expect, it } from 'vitest';
import { imageRef, inheritanceOf, inheritedFixPlan, lineages, RebuildTargets, repositoryOf, type ImageFacts } from './attribution.js';

const layer = (c: string) => `sha256:${c.repeat(64)}`;
const image = (uid: string, owner: string | null, layers: string, extra: Partial<ImageFacts> = {}): ImageFacts => ({
  uid, name: `${uid}:tag`, owner, repoTags: [], diffIds: [...layers].map(layer), layerDigests: [...layers].map(() => null), ...extra,
});

// debian (a) ← node (a b) ← api (a b c d); worker (a e) on debian; other (f) unrelated.
const debian = image('reg/base-debian@sha256:1', 'team-platform', 'a');
const node = image('reg/base-node@sha256:2', 'team-runtime', 'ab');
const api = image('reg/api@sha256:3', 'team-payments', 'abcd');
const worker = image('reg/worker@sha256:4', 'team-jobs', 'ae');
const other = image('reg/other@sha256:5', 'team-x', 'f');

describe('lineages', () => {
  const all = lineages([debian, node, api, worker, other], new Map());

  it('finds ancestors by layer prefix, fewest layers first; the closest is the direct base', () => {
    expect(all.get(api.uid)?.ancestors.map((a) => a.uid)).toEqual([debian.uid, node.uid]);
    expect(all.get(api.uid)?.directBase?.uid).toBe(node.uid);
    expect(all.get(worker.uid)?.directBase?.uid).toBe(debian.uid);
    expect(all.get(node.uid)?.directBase?.uid).toBe(debian.uid);
  });

  it('gives images without a stored ancestor no lineage', () => {
    expect(all.has(debian.uid)).toBe(false);
    expect(all.has(other.uid)).toBe(false);
  });

  it('an identical image (a re-tag) is not an ancestor', () => {
    const twin = image('reg/api-copy@sha256:6', 'team-y', 'abcd');
    expect(lineages([api, twin], new Map()).size).toBe(0);
  });

  it('prefers the labelled base as direct base, also when it was never scanned', () => {
    const labelled = lineages([debian, node, api], new Map([[api.uid, [debian.uid]]]));
    expect(labelled.get(api.uid)?.directBase?.uid).toBe(debian.uid);
    const unscanned = lineages([debian, api], new Map([[api.uid, ['docker.io/library/node@sha256:9']]]));
    expect(unscanned.get(api.uid)?.directBase?.uid).toBe('docker.io/library/node@sha256:9');
    expect(unscanned.get(api.uid)?.ancestors.map((a) => a.uid)).toEqual([debian.uid]);
  });

  it('ignores a label whose stored layers contradict the image (a rebuilt base)', () => {
    const rebuilt = image('reg/base-node@sha256:7', 'team-runtime', 'az');
    const l = lineages([debian, rebuilt, api], new Map([[api.uid, [rebuilt.uid]]]));
    expect(l.get(api.uid)?.directBase?.uid).toBe(debian.uid);
  });

  it('of several images with the same layers, picks the labelled one, then an owned one', () => {
    const unowned = image('reg/a-debian-copy@sha256:8', null, 'a');
    expect(lineages([unowned, debian, api], new Map()).get(api.uid)?.ancestors[0]?.uid).toBe(debian.uid);
    expect(lineages([unowned, debian, api], new Map([[api.uid, [unowned.uid]]])).get(api.uid)?.ancestors[0]?.uid).toBe(unowned.uid);
  });
});

describe('inheritanceOf', () => {
  const all = lineages([debian, node, api], new Map());
  const apiLineage = all.get(api.uid);

  it('attributes a layer to the ancestor that introduced it', () => {
    expect(inheritanceOf(apiLineage, layer('a'))).toEqual({
      baseImage: debian.uid, baseOwner: 'team-platform', baseRef: `${debian.uid}:tag`, rebuildOn: `${node.uid}:tag`,
    });
    expect(inheritanceOf(apiLineage, layer('b'))?.baseImage).toBe(node.uid);
  });

  it("keeps the product's own layers, unknown layers and images without lineage", () => {
    expect(inheritanceOf(apiLineage, layer('c'))).toBeUndefined();
    expect(inheritanceOf(apiLineage, layer('z'))).toBeUndefined();
    expect(inheritanceOf(apiLineage, null)).toBeUndefined();
    expect(inheritanceOf(undefined, layer('a'))).toBeUndefined();
  });

  it('reads compressed layer digests too', () => {
    const withDigests = image('reg/api@sha256:3', 'team-payments', 'abcd', { layerDigests: ['sha256:c0', null, null, null] });
    expect(inheritanceOf(lineages([debian, withDigests], new Map()).get(withDigests.uid), 'sha256:c0')?.baseImage).toBe(debian.uid);
  });
});

describe('fix plans', () => {
  const inh = { baseImage: debian.uid, baseOwner: 'team-platform', baseRef: 'base-debian:12', rebuildOn: 'base-node:20' };
  it('upgrade in the base, then rebuild on it', () => {
    expect(inheritedFixPlan(inh, 'openssl', 'CVE-2024-1', ['3.0.13-1~deb12u1', '3.1.0']))
      .toEqual(['upgrade openssl to 3.0.13-1~deb12u1 in base image base-debian:12', 'rebuild on base-node:20 once it fixes CVE-2024-1']);
    expect(inheritedFixPlan(inh, 'openssl', 'CVE-2024-1', [])).toEqual(['no fixed version of openssl yet: rebuild on base-node:20 once it fixes CVE-2024-1']);
  });

  it('names images by name, then tag, then uid', () => {
    expect(imageRef({ ...debian, name: null, repoTags: ['base:1'] })).toBe('base:1');
    expect(imageRef({ ...debian, name: null })).toBe(debian.uid);
  });
});

describe('rebuild targets', () => {
  const build = (uid: string, name: string, tags: string[]) => ({ uid, name, owner: 'team-platform', repoTags: tags, diffIds: [], layerDigests: [] });
  const old = build('old', 'reg/platform/base-node:20-2024.07.28', ['reg/platform/base-node:20-2024.07.28']);
  const current = build('cur', 'reg/platform/base-node:20', ['reg/platform/base-node:20', 'reg/platform/base-node:20-2025.01.06']);
  const other = build('deb', 'reg/platform/base-debian:12', []);
  const inh = { baseImage: 'deb-old', baseOwner: 'team-platform', baseRef: 'reg/platform/base-debian:12-2024.07.28', rebuildOn: old.name };

  it('names another scanned build of the direct base repository that does not have the vulnerability', () => {
    const targets = new RebuildTargets([old, current, other], new Set(['old', 'cur', 'deb']));
    expect(repositoryOf('reg:5000/platform/base-node:20@sha256:1')).toBe('reg:5000/platform/base-node');
    expect(targets.find(inh, (uid) => uid === 'old')).toBe('reg/platform/base-node:20');
    expect(targets.find(inh, () => true)).toBeUndefined();
    // A build whose packages were not matched says nothing about the fix.
    expect(new RebuildTargets([old, current], new Set(['old'])).find(inh, (uid) => uid === 'old')).toBeUndefined();
    expect(inheritedFixPlan(inh, 'openssl', 'CVE-2024-1', ['3.0.15'], 'reg/platform/base-node:20'))
      .toEqual(['rebuild on base image reg/platform/base-node:20: it fixes CVE-2024-1']);
  });
});
