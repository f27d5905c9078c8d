import { describe, expect, it } from 'vitest';
import { repositoryUid, reportStem, reportSubjectUid } from './repository.js';

describe('repository uids', () => {
  it('names a repository by host and path, whatever the URL spelling, without credentials', () => {
    for (const uri of [
      'https://github.com/shop/api', 'https://github.com/shop/api.git', 'https://GitHub.com/shop/api/', 'git@github.com:shop/api.git',
      'ssh://git@github.com/shop/api.git', 'https://x-access-token:ghs_abc@github.com/shop/api.git',
    ]) expect(repositoryUid(uri), uri).toBe('repo:github.com/shop/api');
    expect(repositoryUid('https://gitlab.example.com:8443/group/sub/project.git')).toBe('repo:gitlab.example.com:8443/group/sub/project');
  });

  it('names no repository for local paths and non-URLs', () => {
    for (const uri of ['file:///home/ci/src', '.', '', 'not a url', 'https://github.com/']) expect(repositoryUid(uri), uri).toBeUndefined();
  });

  it('names a report\'s subject after the report file without its format extensions', () => {
    expect(reportStem('/tmp/out/semgrep-api.sarif.json')).toBe('semgrep-api');
    expect(reportStem('cxf-3.4.6.sarif')).toBe('cxf-3.4.6');
    expect(reportStem('.json')).toBe('.json');
    expect(reportSubjectUid('C:\\ci\\web.json')).toBe('repo:web');
  });
});
