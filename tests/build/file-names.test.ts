// Builds a git-backed fixture wiki whose file names GitHub's slugs cannot tell apart or turn into nothing: every file gets its own page, its history and links to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const links = [
  '[bang](!.md) [dots](..md) [dollar]($.md) [plus](clang++.md) [plain](clang.md)',
  '[[clang++]] [[clang]] [[!]] [[$]]',
  '[general](../general/README.md) [welcome](../welcome.md)',
].join('\n\n');

const article = (html: string) => html.match(/<article[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? html;
const hrefsIn = (html: string) => [...article(html).matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);

describe('a wiki of file names that slug alike or to nothing', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = TestRepo.create('wiki-file-names-');
    repo.commit({
      author: ada,
      date: '2026-11-01T10:00:00+00:00',
      message: 'Start the tools community',
      files: {
        // Broken links stop this build, so every link below must resolve.
        'wiki.config.yml': 'title: Names wiki\nbrokenLinks: error\n',
        'content/README.md': '# Names wiki\n\nRoot text.\n',
        'content/welcome.md': '# Welcome\n\nA root page.\n',
        'content/general/README.md': '# The general folder\n\nIts own pages.\n',
        'content/general/notes.md': '# General notes\n\nBack to [welcome](../welcome.md).\n',
        'content/tools/README.md': '# Tools\n',
        'content/tools/!.md': '# Bang page\n',
        'content/tools/..md': '# Dots page\n',
        'content/tools/$.md': '# Dollar page\n',
        'content/tools/clang++.md': '# Clang plus plus\n\nFirst text.\n',
        'content/tools/clang.md': '# Plain clang\n',
        'content/tools/links.md': `# Links\n\n${links}\n`,
      },
    });
    repo.commit({ author: grace, date: '2026-11-05T10:00:00+00:00', message: 'Explain templates in clang++', files: { 'content/tools/clang++.md': '# Clang plus plus\n\nFirst text.\n\nTemplates.\n' } });
    site = buildSite(repo.dir);
  });
  afterAll(() => repo?.remove());

  it('builds, with a page for every name', () => {
    expect(site.status, site.output).toBe(0);
    expect(site.html('/tools/exclamation/')).toContain('Bang page');
    expect(site.html('/tools/dot/')).toContain('Dots page');
    expect(site.html('/tools/dollar/')).toContain('Dollar page');
    expect(site.html('/tools/clang-plus-plus/')).toContain('Clang plus plus');
    expect(site.html('/tools/clang/')).toContain('Plain clang');
  });

  it('lands every link, by path and by wikilink, on the page of the file it names', () => {
    expect(hrefsIn(site.html('/tools/links/'))).toEqual([
      '/tools/exclamation/',
      '/tools/dot/',
      '/tools/dollar/',
      '/tools/clang-plus-plus/',
      '/tools/clang/',
      '/tools/clang-plus-plus/',
      '/tools/clang/',
      '/tools/exclamation/',
      '/tools/dollar/',
      '/general/',
      '/general-1/welcome/',
    ]);
  });

  it("finds the history of a page whose URL is spelled out", () => {
    const history = site.html('/tools/clang-plus-plus/history/');
    expect(history).toContain('Explain templates in clang++');
    expect(history).toContain('Grace Hopper');
    expect(site.html('/tools/clang/history/')).not.toContain('Explain templates in clang++');
    // "..md" is a page to the history engine too, not a dot-file.
    expect(site.html('/tools/dot/history/')).toContain('Start the tools community');
  });

  it('passes wiki check, which reads the same names', () => {
    const result = wiki(repo.dir, ['check']);
    expect(result.stdout + result.stderr).not.toMatch(/: error: /);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('keeps a general/ folder and the root pages apart: the root pages move to the next free community slug', () => {
    expect(site.html('/general/')).toContain('The general folder');
    expect(site.html('/general/notes/')).toContain('General notes');
    expect(site.html('/general-1/welcome/')).toContain('A root page');
    expect(site.output).not.toMatch(/both map to the URL/);
    expect(site.output).toContain('the pages at the content root are the community /general-1/, since the folder general/ has /general/');
  });
});
