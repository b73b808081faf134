// Tests identities: all four .mailmap forms, case-insensitive emails, bots kept out of contributors but not out of revisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { botMatcher, coAuthorsOf, listedBotMatcher, mailmapResolver, parseMailmap } from '../../src/lib/history/identities.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';

describe('mailmap', () => {
  const resolve = mailmapResolver(
    parseMailmap(
      [
        '# comment',
        'Ada Lovelace <ada@old.example>',
        '<grace@example.org> <grace@old.example>',
        'Linus Torvalds <linus@example.org> <lt@old.example>',
        'Margaret Hamilton <margaret@example.org> Maggie <shared@old.example>',
      ].join('\n'),
    ),
  );

  it('applies the four forms of gitmailmap(5), matching emails case-insensitively', () => {
    expect(resolve('ada', 'ADA@Old.Example')).toEqual({ name: 'Ada Lovelace', email: 'ada@old.example' });
    expect(resolve('Grace H.', 'grace@old.example')).toEqual({ name: 'Grace H.', email: 'grace@example.org' });
    expect(resolve('lt', 'LT@old.example')).toEqual({ name: 'Linus Torvalds', email: 'linus@example.org' });
    expect(resolve('maggie', 'shared@old.example')).toEqual({ name: 'Margaret Hamilton', email: 'margaret@example.org' });
    expect(resolve('Someone Else', 'shared@old.example')).toEqual({ name: 'Someone Else', email: 'shared@old.example' });
    expect(resolve('Nobody', 'Nobody@Example.org')).toEqual({ name: 'Nobody', email: 'nobody@example.org' });
  });

  it('reads Co-authored-by trailers and matches bots by name or email with wildcards', () => {
    expect(coAuthorsOf('Fix\n\nCo-authored-by: A B <a@x.org>\nco-authored-by: C <c@x.org>\n')).toEqual([
      { name: 'A B', email: 'a@x.org' },
      { name: 'C', email: 'c@x.org' },
    ]);
    const isBot = botMatcher(['renovate*', '*@bots.example']);
    expect(isBot({ name: 'dependabot[bot]', email: 'x@y' })).toBe(true);
    expect(isBot({ name: 'Renovate Bot', email: 'r@x' })).toBe(true);
    expect(isBot({ name: 'CI', email: 'ci@BOTS.example' })).toBe(true);
    expect(isBot({ name: 'Ada', email: 'ada@example.org' })).toBe(false);
    // Only the config's patterns may hide a change from summaries: a name ending in [bot] is anyone's to take.
    const listed = listedBotMatcher(['renovate*', '*@bots.example']);
    expect(listed({ name: 'dependabot[bot]', email: 'x@y' })).toBe(false);
    expect(listed({ name: 'CI', email: 'ci@BOTS.example' })).toBe(true);
  });
});

describe('identities in a repository', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create();
    repo.commit({ author: { name: 'ada', email: 'ADA@old.example' }, date: '2024-01-01T10:00:00+00:00', message: 'Start', files: { '.mailmap': 'Ada Lovelace <ada@example.org> <ada@old.example>\n', 'content/p.md': 'one\ntwo\n' } });
    repo.commit({ author: ada, date: '2024-01-02T10:00:00+00:00', message: 'More', files: { 'content/p.md': 'one\ntwo\nthree\n' } });
    repo.commit({ author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, date: '2024-01-03T10:00:00+00:00', message: 'Bump', files: { 'content/p.md': 'one\ntwo\nthree\nfour\n' } });
    repo.commit({ author: { name: 'Renovate', email: 'bot@renovate.example' }, date: '2024-01-04T10:00:00+00:00', message: 'Update\n\nCo-authored-by: Grace Hopper <Grace@Example.org>', files: { 'content/p.md': 'one\ntwo\nthree\nfour\nfive\n' } });
    repo.commit({ author: grace, date: '2024-01-05T10:00:00+00:00', message: 'Six', files: { 'content/p.md': 'one\ntwo\nthree\nfour\nfive\nsix\n' } });
  });
  afterAll(() => repo.remove());

  it('merges one person under the mailmap, keeps bots out of contributors and marks their revisions', async () => {
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null, bots: ['renovate'] });
    const page = history.pages['content/p.md']!;
    expect(page.revisions.map((r) => [r.author.email, r.bot ?? false])).toEqual([
      ['grace@example.org', false],
      ['bot@renovate.example', true],
      ['49699333+dependabot[bot]@users.noreply.github.com', true],
      ['ada@example.org', false],
      ['ada@example.org', false],
    ]);
    expect(page.revisions.at(-1)!.author.name).toBe('Ada Lovelace');
    expect(page.contributors.map((p) => [p.email, p.commits, p.coAuthored, p.lines])).toEqual([
      ['ada@example.org', 2, 0, 3],
      ['grace@example.org', 1, 1, 1],
    ]);
  });
});
