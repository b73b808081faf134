// Builds a fixture wiki under a base path and asserts the search index and the search markup it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const fixture = {
  'wiki.config.yml': 'title: Fixture wiki\nbase: /kb/\n',
  'content/ops/community.yml': 'name: Platform ops\ndescription: Keeping the lights on\n',
  'content/ops/README.md': '# Ops home\n\nRead the [[deploy-checklist]].\n',
  'content/ops/deploy-checklist.md': '---\ntitle: Deploy checklist\nsummary: Before every release.\ntags: [deploys, Postgres]\ntype: how-to\nstatus: draft\n---\n## Before you start\n\nDrain the queue with zookeeper.\n',
  'content/ops/sauvegardes.md': '---\ntitle: Sauvegardes\nlang: fr\n---\nLes sauvegardes sont vérifiées chaque semaine.\n',
  'content/research/notes.md': '# Interview notes\n\nSee the [[ops/deploy-checklist]].\n',
};

/** Pagefind's files are gzip with a signature before the JSON. */
const readPagefind = (file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').replace(/^pagefind_dcd/, ''));

describe('the search index of a built wiki', () => {
  let site: BuiltSite;
  let bundle: string;
  beforeAll(() => {
    site = buildSite(writeFixture(fixture), { base: '/kb/' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
    bundle = path.join(site.outDir, 'pagefind');
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('is written by the build, one index per page language, and logged in one line', () => {
    expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    // Pages and community homes; not the home, tag, search or 404 pages.
    expect(entry.languages.en.page_count).toBe(4);
    expect(entry.languages.fr.page_count).toBe(1);
    expect(site.output).toMatch(/search index: 5 pages \(en 4, fr 1\) in \d+ ms/);
  });

  it('marks filters, result metadata and the sort key on each page', () => {
    const html = site.html('/kb/ops/deploy-checklist/');
    expect(html).toContain('<meta data-pagefind-filter="community[content]" content="Platform ops">');
    expect(html).toContain('<meta data-pagefind-filter="tag[content]" content="deploys">');
    expect(html).toContain('<meta data-pagefind-filter="tag[content]" content="Postgres">');
    expect(html).toContain('<meta data-pagefind-filter="type[content]" content="how-to">');
    expect(html).toContain('<meta data-pagefind-meta="title[content]" content="Deploy checklist">');
    // No repository around the fixture, so no history: nothing to sort by date.
    expect(html).not.toContain('data-pagefind-sort');
    expect(site.html('/kb/ops/sauvegardes/')).toContain('<html lang="fr">');
  });

  it('indexes titles and bodies, not navigation, page badges or backlinks', () => {
    const fragments = readdirSync(path.join(bundle, 'fragment')).map((f) => readPagefind(path.join(bundle, 'fragment', f)));
    const deploy = fragments.find((f) => f.url === '/ops/deploy-checklist/');
    expect(deploy.content).toContain('Deploy checklist. Before every release.');
    expect(deploy.content).toContain('Drain the queue with zookeeper.');
    expect(deploy.filters).toEqual({ community: ['Platform ops'], tag: expect.arrayContaining(['deploys', 'Postgres']), type: ['how-to'] });
    for (const boilerplate of ['Linked from', 'Interview notes', 'Communities', 'Skip to content', 'draft', 'Fixture wiki', 'On this page']) {
      expect(deploy.content).not.toContain(boilerplate);
    }
    expect(fragments.map((f) => f.url).sort()).toEqual(['/ops/', '/ops/deploy-checklist/', '/ops/sauvegardes/', '/research/', '/research/notes/']);
  });

  it('puts a search form on every page that works without JavaScript: a GET to the results page', () => {
    for (const url of ['/kb/', '/kb/ops/', '/kb/ops/deploy-checklist/', '/kb/tags/']) {
      expect(site.html(url)).toMatch(/<form class="site-search" role="search" action="\/kb\/search\/" method="get" data-base="\/kb\/">/);
      expect(site.html(url)).toMatch(/<input id="site-search-input" type="search" name="q"/);
    }
    const results = site.html('/kb/search/');
    expect(results).toContain('<form class="search-form" action="" method="get" role="search">');
    expect(results).toContain('<noscript>');
    expect(results).not.toContain('data-pagefind-body');
  });
});
