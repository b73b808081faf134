// Builds a wiki whose repository has its own front page (a root README.md) and asserts the home page, names and titles the site shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';

const files: Record<string, string> = {
  // No wiki.config.yml title: the front page's heading is the site's title.
  'wiki.config.yml': 'base: /\n',
  'content/README.md': '# Acme Handbook\n\nHow we work. Start with [deploys](ops/deploy.md), or [[ops/deploy|the deploy page]], or the [meeting notes](ops/a/notes.md#agenda).\n',
  'content/ops/README.md': 'The operations group.\n\n# Goals of these documents\n\nKeep things running.\n',
  'content/ops/deploy.md': '# Deploying\n\nBack to the [handbook](../README.md).\n',
  'content/ops/a/notes.md': '# Meeting notes\n\n## Agenda\n',
  'content/ops/b/notes.md': '# Meeting notes\n\n## Agenda\n',
  'content/ops/in-list.md': '- # Not a title\n\nText.\n',
  'content/ops/logo.md': '# ![Acme logo](logo.png)\n\nText.\n',
  'content/sig-node/README.md': '# SIG Node\n\n## Goals of these documents\n',
  'content/sig-node/x.md': 'x',
};

describe('a repository with its own front page', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = TestRepo.create('wiki-front-page-');
    repo.commit({ author: ada, date: '2026-01-05T10:00:00Z', message: 'Add the handbook', files });
    site = buildSite(repo.dir);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => process.env.KEEP_FIXTURE ? console.log(repo.dir) : repo?.remove());

  it('shows the root README on the home page, under its heading as the site title, with the communities', () => {
    const home = site.html('/');
    expect(home).toContain('<title>Acme Handbook</title>');
    expect(home).toMatch(/<a class="site-title" href="\/">Acme Handbook<\/a>/);
    expect(home).toMatch(/<h1>Acme Handbook<\/h1>/);
    expect(home).toContain('How we work.');
    // Its links, written relative to the content root, land on the pages from "/".
    expect(home).toContain('<a href="/ops/deploy/">deploys</a>');
    expect(home).toMatch(/<a href="\/ops\/deploy\/"[^>]*>the deploy page<\/a>/);
    expect(home).toMatch(/href="\/ops\/a\/notes\/#agenda"/);
    expect(home).toMatch(/<h3>Ops<\/h3>/);
    expect(home).toMatch(/<h3>SIG Node<\/h3>/);
    // Its history still shows: byline and contributors.
    expect(home).toContain('class="byline"');
    expect(home).toMatch(/Contributors[\s\S]*Ada Lovelace/);
    // Lists link it where it is read.
    expect(home).toMatch(/<a class="title" href="\/">Acme Handbook<\/a>/);
    // Indexed once: here, not again on the default community's home.
    expect(home).toMatch(/<article class="prose front-page" data-pagefind-body/);
    const general = site.html('/general/');
    expect(general).not.toContain('How we work.');
    expect(general).toMatch(/<a href="\/">site's front page<\/a>/);
  });

  it('names a community from the heading that opens its README, never a later sub-heading', () => {
    expect(site.html('/sig-node/')).toMatch(/<h1 class="page-title">SIG Node<\/h1>/);
    const ops = site.html('/ops/');
    expect(ops).toMatch(/<h1 class="page-title">Ops<\/h1>/);
    expect(ops).not.toContain('<h1 class="page-title">Goals of these documents');
  });

  it('titles a page from its own heading, never one in a list or an image alt text', () => {
    expect(site.html('/ops/in-list/')).toMatch(/<h1 class="page-title">In list<\/h1>/);
    expect(site.html('/ops/logo/')).toMatch(/<h1 class="page-title">Logo<\/h1>/);
  });

  it('tells repeated titles of one community apart by their folder, in lists and the sidebar', () => {
    const ops = site.html('/ops/');
    expect(ops).toContain('>Meeting notes (a)</a>');
    expect(ops).toContain('>Meeting notes (b)</a>');
    const page = site.html('/ops/deploy/');
    expect(page).toContain('Meeting notes (a)');
    expect(page).toContain('Meeting notes (b)');
    // The page itself keeps its own title.
    expect(site.html('/ops/a/notes/')).toMatch(/<h1 class="page-title">Meeting notes<\/h1>/);
    // A backlink from the front page leads to "/", where it is read.
    expect(site.html('/ops/deploy/')).toMatch(/<a href="\/">Acme Handbook<\/a>\s*<span class="from-community">/);
  });

  it('lets wiki.config.yml title the site over the front page heading', () => {
    writeFileSync(path.join(repo.dir, 'wiki.config.yml'), 'title: Config title\nbase: /\n');
    repo.commit({ author: ada, date: '2026-01-06T10:00:00Z', message: 'Title the site' });
    const titled = buildSite(repo.dir);
    expect(titled.status, titled.output).toBe(0);
    const home = titled.html('/');
    expect(home).toContain('<title>Config title</title>');
    expect(home).toMatch(/<h1>Config title<\/h1>/);
    // The front page text still shows under the config's title.
    expect(home).toMatch(/<h1>Config title<\/h1>[\s\S]*How we work\./);
    expect(readFileSync(path.join(titled.outDir, 'ops/deploy/index.html'), 'utf8')).toContain('Deploying · Config title');
  });
});
