import { describe, expect, it } from 'vitest';
import { isExplicit, ownerId, resolveOwner, ruleReason, type OwnedAsset, type OwnershipContext } from './ownership.js';

const asset = (extra: Partial<OwnedAsset> = {}): OwnedAsset =>
  ({ uid: 'docker.io/acme/api@sha256:1', kind: 'container.image', account: '111111111111', tags: {}, owner: null, ownerReason: null, ...extra });

const CTX: OwnershipContext = {
  catalogue: [
    { uid: 'service:default/api', ref: 'Component default/api', owner: 'api-team', repositories: ['repo:github.com/acme/api'], imageRepositories: ['docker.io/acme/api'] },
    { uid: 'service:default/zz', ref: 'Component default/zz', owner: 'zz-team', repositories: [], imageRepositories: ['docker.io/acme/api'] },
  ],
  rules: [
    { match: 'tag', key: 'env', value: 'prod', owner: 'sre', reason: 'tag env=prod → sre (owners.yaml)' },
    { match: 'account', value: '111111111111', owner: 'payments', reason: 'account 111111111111 → payments (owners.yaml)' },
  ],
  defaultOwner: 'platform',
};

describe('ownerId', () => {
  it('reads Backstage references and plain names as one id', () => {
    expect(['group:payments', 'group:default/payments', 'Payments', ' payments '].map(ownerId)).toEqual(Array(4).fill('payments'));
    expect(ownerId('group:ops/sre')).toBe('ops/sre');
    expect(ownerId('user:default/jdoe')).toBe('jdoe');
    expect(ownerId('  ')).toBeNull();
  });
});

describe('resolveOwner', () => {
  it('keeps an explicit owner over everything', () => {
    const a = asset({ owner: 'sre', ownerReason: 'explicit (--owner)', tags: { team: 'x' } });
    expect(resolveOwner(a, CTX)).toEqual({ owner: 'sre', reason: 'explicit (--owner)' });
    expect(isExplicit(asset({ owner: 'sre' }))).toBe(true);
    expect(isExplicit(asset({ owner: 'x', ownerReason: 'tag team=x' }))).toBe(false);
  });

  it('prefers the catalogue to tags, and the entity itself (then the first by uid) among claims', () => {
    expect(resolveOwner(asset({ tags: { team: 'x' } }), CTX)).toEqual({ owner: 'api-team', reason: 'catalogue: Component default/api' });
    const svc = asset({ uid: 'service:default/zz', kind: 'service' });
    expect(resolveOwner(svc, CTX)?.reason).toBe('catalogue: Component default/zz');
  });

  it('prefers the team tag to the owner tag, and tags to rules', () => {
    const a = asset({ uid: 'arn:x', kind: 'aws.ec2.instance', tags: { Owner: 'o', Team: 'group:Search', env: 'prod' } });
    expect(resolveOwner(a, CTX)).toEqual({ owner: 'search', reason: 'tag Team=group:Search' });
    expect(resolveOwner({ ...a, tags: { owner: 'o', env: 'prod' } }, CTX)?.reason).toBe('tag owner=o');
  });

  it('takes the first matching rule, then the default, then nothing', () => {
    const a = asset({ uid: 'arn:x', kind: 'aws.ec2.instance', tags: { env: 'prod' } });
    expect(resolveOwner(a, CTX)?.owner).toBe('sre');
    expect(resolveOwner({ ...a, tags: {} }, CTX)).toEqual({ owner: 'payments', reason: 'account 111111111111 → payments (owners.yaml)' });
    expect(resolveOwner({ ...a, tags: {}, account: '2' }, CTX)).toEqual({ owner: 'platform', reason: 'default' });
    expect(resolveOwner({ ...a, tags: {}, account: '2' }, { ...CTX, defaultOwner: null })).toBeNull();
  });

  it('writes rule reasons people can read', () => {
    expect(ruleReason({ match: 'account', value: '123456789012' }, 'payments', 'owners.yaml')).toBe('account 123456789012 → payments (owners.yaml)');
    expect(ruleReason({ match: 'image_repository', value: 'ghcr.io/a/b' }, 'p', 'o.yaml')).toBe('image repository ghcr.io/a/b → p (o.yaml)');
  });
});
