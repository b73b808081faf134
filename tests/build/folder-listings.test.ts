// Builds a wiki whose folders, at every depth, have no README and asserts each gets a listing page at the URL its
// index page would have had: its pages and subfolders linked, breadcrumbs, sidebar, not indexed; and links to it land.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';
import { wiki } from '../helpers/wiki-command.ts';

const content = {
  'wiki.config.yml': 'title: Folders\nbrokenLinks: error\nrepository:\n  url: https://github.com/example/wiki\n  branch: main\n',
  'content/ops/README.md': '# Ops\n\nSee [the runbooks](runbooks/), [old ones](runbooks/old), [the archive](archive/) and [guides](guides).\n',
  'content/ops/runbooks/deploy.md': '---\nsummary: Ship a release safely.\n---\n# Deploy\n\nSteps.\n',
  'content/ops/runbooks/roll-back.md': '# Roll back\n\nWhen a release goes wrong, undo it first and ask questions later.\n',
  'content/ops/runbooks/old/legacy.md': '# Legacy deploy\n\nBack [up](../), [up again](..), [home](../../) and [deeper](ancient/).\n',
  'content/ops/runbooks/old/ancient/stone-age.md': '# Stone age\n\nNothing here.\n',
  'content/ops/guides/README.md': '# Guide index\n\nAll guides.\n',
  'content/ops/guides/style.md': '# Style\n',
  'content/ops/archive.md': '# Archive\n\nThe archive page stands for its folder.\n',
  'content/ops/archive/2019.md': '# Year 2019\n',
  'content/research/deep/topic/note.md': '# Note\n\nLinks [the topic](./) and [the research home](../../).\n',
};

const main = (html: string) => html.match(/<main[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? '';
const article = (html: string) => html.match(/<article[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? '';
const crumbs = (html: string) => html.match(/<nav class="breadcrumbs"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';

describe('a wiki with folders of pages that have no README', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(writeFixture(content));
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('builds with no broken link, although brokenLinks is an error', () => {
    expect(site.status, site.output).toBe(0);
    expect(site.output).not.toMatch(/broken/);
  });

  it('writes a listing page for every such folder at any depth, and none where a page stands', () => {
    for (const url of ['/ops/runbooks/', '/ops/runbooks/old/', '/ops/runbooks/old/ancient/', '/research/deep/', '/research/deep/topic/']) {
      expect(site.exists(url), url).toBe(true);
      expect(site.html(url)).toContain('This folder has no README');
    }
    expect(site.html('/ops/guides/')).toContain('Guide index');
    expect(site.html('/ops/guides/')).not.toContain('This folder has no README');
    expect(site.html('/ops/archive/')).toContain('The archive page stands for its folder');
  });

  it('lists the folder’s pages (title, summary or excerpt, linked) and subfolders, with a heading from the folder name', () => {
    const runbooks = main(site.html('/ops/runbooks/'));
    expect(runbooks).toContain('<h1 class="page-title">Runbooks</h1>');
    expect(runbooks).toContain('This folder has no README; its pages:');
    expect(runbooks).toMatch(/<a class="title" href="\/ops\/runbooks\/deploy\/">Deploy<\/a>[\s\S]*?Ship a release safely\./);
    expect(runbooks).toMatch(/<a class="title" href="\/ops\/runbooks\/roll-back\/">Roll back<\/a>[\s\S]*?When a release goes wrong/);
    expect(runbooks).toMatch(/<a class="title" href="\/ops\/runbooks\/old\/">Old<\/a>/);
    expect(runbooks.indexOf('Deploy')).toBeLessThan(runbooks.indexOf('Roll back'));
    expect(runbooks).not.toContain('Stone age');
    const deep = main(site.html('/research/deep/'));
    expect(deep).toContain('This folder has no README; its folders:');
    expect(deep).toMatch(/<a class="title" href="\/research\/deep\/topic\/">Topic<\/a>/);
  });

  it('gives the listing breadcrumbs, the community sidebar and a way to propose a page in that folder', () => {
    const html = site.html('/ops/runbooks/old/');
    expect(crumbs(html)).toMatch(/<a href="\/ops\/">Ops<\/a>[\s\S]*<a href="\/ops\/runbooks\/">Runbooks<\/a>[\s\S]*<span aria-current="page">Old<\/span>/);
    expect(html).toContain('<aside class="sidebar"');
    expect(html).toMatch(/href="https:\/\/github\.com\/example\/wiki\/new\/main\/content\/ops\/runbooks\/old\?[^"]*"[^>]*>Propose a new page/);
  });

  it('keeps listing pages out of the search index', () => {
    expect(site.html('/ops/runbooks/')).not.toContain('data-pagefind-body');
    expect(site.html('/ops/runbooks/deploy/')).toContain('data-pagefind-body');
  });

  it('lands links to folders on their index page, their listing, or the page that stands for them', () => {
    const ops = article(site.html('/ops/'));
    expect(ops).toContain('<a href="/ops/runbooks/">the runbooks</a>');
    expect(ops).toContain('<a href="/ops/runbooks/old/">old ones</a>');
    expect(ops).toContain('<a href="/ops/archive/">the archive</a>');
    expect(ops).toContain('<a href="/ops/guides/">guides</a>');
    const legacy = article(site.html('/ops/runbooks/old/legacy/'));
    expect(legacy).toContain('<a href="/ops/runbooks/">up</a>');
    expect(legacy).toContain('<a href="/ops/runbooks/">up again</a>');
    expect(legacy).toContain('<a href="/ops/">home</a>');
    expect(legacy).toContain('<a href="/ops/runbooks/old/ancient/">deeper</a>');
    const note = article(site.html('/research/deep/topic/note/'));
    expect(note).toContain('<a href="/research/deep/topic/">the topic</a>');
    expect(note).toContain('<a href="/research/">the research home</a>');
  });

  it('links every folder crumb of a page, README or not', () => {
    expect(crumbs(site.html('/ops/runbooks/old/ancient/stone-age/'))).toMatch(
      /<a href="\/ops\/">Ops<\/a>[\s\S]*<a href="\/ops\/runbooks\/">Runbooks<\/a>[\s\S]*<a href="\/ops\/runbooks\/old\/">Old<\/a>[\s\S]*<a href="\/ops\/runbooks\/old\/ancient\/">Ancient<\/a>/,
    );
  });

  it('lists a community’s folders on its home, whether it has a README or not', () => {
    expect(main(site.html('/research/'))).toMatch(/<a class="title" href="\/research\/deep\/">Deep<\/a>/);
    const ops = main(site.html('/ops/'));
    expect(ops).toMatch(/<a class="title" href="\/ops\/runbooks\/">Runbooks<\/a>/);
    expect(ops).toMatch(/<a class="title" href="\/ops\/guides\/">Guide index<\/a>/);
  });

  it('reports no broken link in wiki check', () => {
    const result = wiki(site.root, ['check']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/broken/);
  });
});
