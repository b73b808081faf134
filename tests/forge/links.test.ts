// Forge URLs for every forge, with paths holding spaces, unicode and URL metacharacters.
import { describe, expect, it } from 'vitest';
import { forgeRepository, type ForgeRepository } from '../../src/lib/forge/forges.ts';
import { commitUrl, editUrl, historyUrl, newFileUrl, sourceUrl } from '../../src/lib/forge/links.ts';

const PATH = 'content/Platform Engineering/Índice #1?.md';
const ENCODED = 'content/Platform%20Engineering/%C3%8Dndice%20%231%3F.md';
const SHA = '0123456789abcdef0123456789abcdef01234567';

const repo = (forge: ForgeRepository['forge'], web: string, branch = 'main'): ForgeRepository => ({ forge, web, branch });

describe('forgeRepository', () => {
  it('infers the forge from public hosts and turns clone URLs into web addresses', () => {
    expect(forgeRepository({ url: 'https://github.com/org/wiki.git', branch: 'main' })).toEqual(repo('github', 'https://github.com/org/wiki'));
    expect(forgeRepository({ url: 'https://gitlab.com/group/sub/wiki/', branch: 'main' })).toEqual(repo('gitlab', 'https://gitlab.com/group/sub/wiki'));
    expect(forgeRepository({ url: 'https://bitbucket.org/team/wiki', branch: 'main' })?.forge).toBe('bitbucket');
    expect(forgeRepository({ url: 'https://codeberg.org/org/wiki', branch: 'main' })?.forge).toBe('forgejo');
    expect(forgeRepository({ url: 'https://gitea.com/org/wiki', branch: 'main' })?.forge).toBe('gitea');
    expect(forgeRepository({ url: 'ssh://git@github.com:22/org/wiki.git', branch: 'main' })).toEqual(repo('github', 'https://github.com/org/wiki'));
  });

  it('needs an explicit forge for self-hosted servers', () => {
    expect(forgeRepository({ url: 'https://git.example.org/org/wiki', branch: 'main' })).toBeUndefined();
    expect(forgeRepository({ url: 'http://git.example.org:3000/org/wiki', branch: 'main', forge: 'gitea' })).toEqual(repo('gitea', 'http://git.example.org:3000/org/wiki'));
  });
});

describe('forge links', () => {
  it('GitHub', () => {
    const r = repo('github', 'https://github.com/org/wiki');
    expect(editUrl(r, PATH)).toBe(`https://github.com/org/wiki/edit/main/${ENCODED}`);
    expect(sourceUrl(r, PATH)).toBe(`https://github.com/org/wiki/blob/main/${ENCODED}`);
    expect(historyUrl(r, PATH)).toBe(`https://github.com/org/wiki/commits/main/${ENCODED}`);
    expect(commitUrl(r, SHA)).toBe(`https://github.com/org/wiki/commit/${SHA}`);
    expect(newFileUrl(r, { dir: 'content/Café ops', fileName: 'new page.md', content: '---\ntitle: A & B\n---\n' })).toBe(
      'https://github.com/org/wiki/new/main/content/Caf%C3%A9%20ops?filename=new%20page.md&value=---%0Atitle%3A%20A%20%26%20B%0A---%0A',
    );
  });

  it('GitLab, with subgroups', () => {
    const r = repo('gitlab', 'https://gitlab.com/group/sub/wiki');
    expect(editUrl(r, PATH)).toBe(`https://gitlab.com/group/sub/wiki/-/edit/main/${ENCODED}`);
    expect(sourceUrl(r, PATH)).toBe(`https://gitlab.com/group/sub/wiki/-/blob/main/${ENCODED}`);
    expect(historyUrl(r, PATH)).toBe(`https://gitlab.com/group/sub/wiki/-/commits/main/${ENCODED}`);
    expect(commitUrl(r, SHA)).toBe(`https://gitlab.com/group/sub/wiki/-/commit/${SHA}`);
    expect(newFileUrl(r, { dir: 'content/ops', fileName: 'x.md', content: 'a b' })).toBe('https://gitlab.com/group/sub/wiki/-/new/main/content/ops?file_name=x.md&content=a%20b');
  });

  it('Gitea and Forgejo', () => {
    for (const forge of ['gitea', 'forgejo'] as const) {
      const r = repo(forge, 'https://codeberg.org/org/wiki');
      expect(editUrl(r, PATH)).toBe(`https://codeberg.org/org/wiki/_edit/main/${ENCODED}`);
      expect(sourceUrl(r, PATH)).toBe(`https://codeberg.org/org/wiki/src/branch/main/${ENCODED}`);
      expect(historyUrl(r, PATH)).toBe(`https://codeberg.org/org/wiki/commits/branch/main/${ENCODED}`);
      expect(commitUrl(r, SHA)).toBe(`https://codeberg.org/org/wiki/commit/${SHA}`);
      expect(newFileUrl(r, { dir: 'content/ops', fileName: 'x.md', content: 'hi' })).toBe('https://codeberg.org/org/wiki/_new/main/content/ops?filename=x.md&value=hi');
    }
  });

  it('Bitbucket keeps the branch in `at` and prefills nothing', () => {
    const r = repo('bitbucket', 'https://bitbucket.org/team/wiki');
    expect(editUrl(r, PATH)).toBe(`https://bitbucket.org/team/wiki/src/main/${ENCODED}?mode=edit&spa=0&at=main`);
    expect(sourceUrl(r, PATH)).toBe(`https://bitbucket.org/team/wiki/src/main/${ENCODED}?at=main`);
    expect(historyUrl(r, PATH)).toBe(`https://bitbucket.org/team/wiki/history-node/main/${ENCODED}?at=main`);
    expect(commitUrl(r, SHA)).toBe(`https://bitbucket.org/team/wiki/commits/${SHA}`);
    expect(newFileUrl(r, { dir: 'content/ops', fileName: 'x.md', content: 'hi' })).toBe('https://bitbucket.org/team/wiki/create-file/main/content/ops?at=main');
  });

  it('keeps the slashes of a branch name and of the repository root', () => {
    const r = repo('github', 'https://github.com/org/wiki', 'release/2026 q4');
    expect(editUrl(r, 'README.md')).toBe('https://github.com/org/wiki/edit/release/2026%20q4/README.md');
    expect(newFileUrl(r, { dir: '', fileName: 'x.md' })).toBe('https://github.com/org/wiki/new/release/2026%20q4?filename=x.md');
  });

  it('writes NFD file names (as macOS may) in NFC, so one page has one URL', () => {
    const r = repo('github', 'https://github.com/org/wiki');
    expect(editUrl(r, 'Cafe\u0301.md')).toBe(editUrl(r, 'Caf\u00e9.md'));
  });
});
