// Tests the URL names of content files: names that slug to nothing spelled out, siblings that GitHub's slugs would merge told apart, the default community moved off a real folder.
import { describe, expect, it } from 'vitest';
import { assetIdFor, pageIdFor, toContentPath, toPageId } from '../../src/lib/content/paths.ts';
import { defaultCommunityNote, urlNamesFor } from '../../src/lib/content/url-names.ts';

const namesOf = (files: string[], defaultCommunity = 'general') => {
  const paths = files.map(toContentPath);
  return urlNamesFor({ pages: paths.filter((p) => /\.mdx?$/i.test(p)).map((path) => ({ path })), assets: paths.filter((p) => !/\.mdx?$/i.test(p)).map((path) => ({ path })) }, defaultCommunity);
};
const idsOf = (files: string[], defaultCommunity = 'general') => {
  const names = namesOf(files, defaultCommunity);
  return Object.fromEntries(files.map((f) => [f, /\.mdx?$/i.test(f) ? pageIdFor(toContentPath(f), names) : assetIdFor(toContentPath(f), names)]));
};

describe('URL names', () => {
  it('give every name of punctuation alone a readable URL that is its own slug', () => {
    const ids = idsOf(['ops/!.md', 'ops/[[.md', 'ops/$.md', 'ops/..md', 'ops/---.md', '+++/a.md', 'ops/😀.md', 'ops/ .md']);
    expect(ids).toEqual({
      'ops/!.md': 'ops/exclamation',
      'ops/[[.md': 'ops/left-bracket-left-bracket',
      'ops/$.md': 'ops/dollar',
      'ops/..md': 'ops/dot',
      'ops/---.md': 'ops/hyphen-hyphen-hyphen',
      '+++/a.md': 'plus-plus-plus/a',
      'ops/😀.md': 'ops/u1f600',
      'ops/ .md': 'ops/space',
    });
    for (const id of Object.values(ids)) expect(toPageId(id)).toBe(id);
  });

  it('keep GitHub slug for a name that has it and spell out the sibling that would share it', () => {
    expect(idsOf(['tools/clang++.md', 'tools/clang.md', 'tools/C#.md', 'tools/c.md'])).toEqual({
      'tools/clang++.md': 'tools/clang-plus-plus',
      'tools/clang.md': 'tools/clang',
      'tools/C#.md': 'tools/c-hash',
      'tools/c.md': 'tools/c',
    });
    // Alone, clang++ keeps the slug GitHub gives it.
    expect(idsOf(['tools/clang++.md'])).toEqual({ 'tools/clang++.md': 'tools/clang' });
  });

  it('name siblings the same whatever order they are found in', () => {
    const files = ['a/x!.md', 'a/x?.md', 'a/x.md', 'a/x-exclamation.md', 'C++/p.md', 'C/q.md'];
    const forward = idsOf(files);
    expect(idsOf([...files].reverse())).toEqual(forward);
    expect(new Set(Object.values(forward)).size).toBe(files.length);
    expect(forward['a/x-exclamation.md']).toBe('a/x-exclamation');
    expect(forward['a/x!.md']).toMatch(/^a\/x-exclamation-[0-9a-z]+$/);
    expect(idsOf(['t/clang++.md', 't/clang.md', 't/clang-plus-plus.md'])['t/clang++.md']).toBe('t/clang-plus-plus-3d4wxo');
    expect(forward['C++/p.md']).toBe('c-plus-plus/p');
    expect(forward['C/q.md']).toBe('c/q');
  });

  it('tell sibling folders and assets apart the same way, pages and folders each in their own space', () => {
    expect(idsOf(['lang/C++/a.md', 'lang/C/a.md', 'lang/c.md', 'img/a+.png', 'img/a.png'])).toEqual({
      'lang/C++/a.md': 'lang/c-plus-plus/a',
      'lang/C/a.md': 'lang/c/a',
      'lang/c.md': 'lang/c',
      'img/a+.png': 'img/a-plus.png',
      'img/a.png': 'img/a.png',
    });
  });

  it('leave names that differ only in case on one URL, so the collision is reported', () => {
    expect(idsOf(['ops/Deploy.md', 'ops/deploy.md', 'OPS/x.md', 'ops/y.md'])).toEqual({
      'ops/Deploy.md': 'ops/deploy',
      'ops/deploy.md': 'ops/deploy',
      'OPS/x.md': 'ops/x',
      'ops/y.md': 'ops/y',
    });
  });

  it('move the default community off a top-level folder that has its slug', () => {
    expect(namesOf(['welcome.md', 'ops/a.md']).defaultCommunity).toBe('general');
    expect(idsOf(['README.md', 'welcome.md', 'general/README.md', 'General!/x.md'])).toEqual({
      'README.md': 'general-1',
      'welcome.md': 'general-1/welcome',
      'general/README.md': 'general',
      'General!/x.md': 'general-exclamation/x',
    });
    expect(namesOf(['a.md', 'general/a.md', 'general-1/a.md']).defaultCommunity).toBe('general-2');
  });

  it('say so in one line only when the root pages moved', () => {
    expect(defaultCommunityNote([{ slug: 'general', folder: '' }, { slug: 'ops', folder: 'ops' }], 'general')).toBeUndefined();
    expect(defaultCommunityNote([{ slug: 'ops', folder: 'ops' }], 'general')).toBeUndefined();
    expect(defaultCommunityNote([{ slug: 'general-1', folder: '' }, { slug: 'general', folder: 'General' }], 'general')).toBe(
      'the pages at the content root are the community /general-1/, since the folder General/ has /general/ (set defaultCommunity.slug in wiki.config.yml to choose another)',
    );
  });
});
