// Builds fixture wikis with the real Astro build and asserts on the HTML it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

const fixture = {
  'wiki.config.yml': 'title: Fixture wiki\nbase: /kb/\nsecurity:\n  iframeHosts: [www.youtube-nocookie.com]\n  mdx: [research]\n',
  'content/welcome.md': '# Welcome\n\nStart with [[ops/README|the ops community]].\n',
  'content/ops/community.yml': 'name: Platform ops\ndescription: Keeping the lights on\nstewards:\n  - name: Ada Lovelace\n    email: ada@example.org\n',
  'content/ops/README.md': '# Ops home\n\nRead the [[deploy-checklist]].\n',
  'content/ops/deploy-checklist.md': [
    '---',
    'title: Deploy checklist',
    'tags: [deploys, Postgres]',
    'type: how-to',
    'status: outdated',
    'review-by: 2025-01-31',
    '---',
    '## Before you start',
    '',
    '- [ ] Read [[runbooks/restore-from-backup#Verify the restore|the restore runbook]]',
    '- [x] Tell [[research/Interview notes]]',
    '',
    '| Step | Owner |',
    '|:-----|------:|',
    '| one  | ops   |',
    '',
    '~~old~~ www.example.org and a note[^n].',
    '',
    '```sql',
    'create index concurrently on pages (title);',
    '```',
    '',
    '![diagram](<images/Flow Diagram.png>)',
    '',
    '## After you finish',
    '',
    '<script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">bad</a>',
    '<iframe src="https://www.youtube-nocookie.com/embed/x" allow="camera; fullscreen"></iframe><iframe src="https://evil.example/x"></iframe>',
    '<a class="wikilink wikilink-cross" data-wikilink="ops/b" data-wiki-community="ops" href="https://spoof.example/">spoof</a>',
    '',
    '[^n]: The footnote.',
  ].join('\n'),
  'content/ops/images/Flow Diagram.png': PNG,
  'content/ops/runbooks/restore-from-backup.md': '# Restore from backup\n\n## Verify the restore\n\nBack to [the checklist](../deploy-checklist.md).\n',
  'content/research/README.md': '# User Research\n\nNo front matter here, like an existing repository.\n',
  'content/research/Interview notes.md': '# Interview notes\n\nSee <Recruiting Participants.md> and [recruiting](<Recruiting Participants.md>).\n',
  'content/research/Recruiting Participants.md': 'Plain text, no heading.\n',
  'content/research/notes.mdx': '# MDX page\n\nTwo and two make {2 + 2}. See [[ops/deploy-checklist]].\n',
};

describe('a built fixture wiki', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(writeFixture(fixture), { base: '/kb/' });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('lists communities with descriptions and page counts on the home page', () => {
    const home = site.html('/kb/');
    expect(home).toContain('<title>Fixture wiki</title>');
    expect(home).toMatch(/<a class="card" href="\/kb\/ops\/">\s*<h3>Platform ops<\/h3>\s*<p>Keeping the lights on<\/p>\s*<span class="count">3 pages<\/span>/);
    expect(home).toMatch(/href="\/kb\/research\/">\s*<h3>User Research<\/h3>/);
    expect(home).toMatch(/href="\/kb\/general\/">\s*<h3>General<\/h3>/);
  });

  it('renders a page with breadcrumbs, TOC, metadata and resolved links under the base path', () => {
    const html = site.html('/kb/ops/deploy-checklist/');
    expect(html).toContain('<h1 class="page-title">Deploy checklist</h1>');
    expect(html).toMatch(/<nav class="breadcrumbs"[^>]*><ol><li><a href="\/kb\/ops\/">Platform ops<\/a><\/li><li><span aria-current="page">Deploy checklist<\/span>/);
    expect(html).toContain('<a href="#before-you-start">Before you start</a>');
    expect(html).toContain('<h2 id="before-you-start">Before you start<a class="heading-anchor" href="#before-you-start"');
    expect(html).toContain('href="/kb/ops/runbooks/restore-from-backup/#verify-the-restore" class="wikilink"');
    expect(html).toMatch(/href="\/kb\/research\/interview-notes\/" class="wikilink wikilink-cross"[^>]*>Interview notes<\/a>/);
    expect(html).toContain('<span class="badge status-outdated">outdated</span>');
    expect(html).toContain('review overdue since <time datetime="2025-01-31">');
    expect(html).toContain('href="/kb/tags/postgres/"');
  });

  it('renders GFM and highlights code', () => {
    const html = site.html('/kb/ops/deploy-checklist/');
    expect(html).toContain('<input type="checkbox" disabled>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toMatch(/<th align="left">Step<\/th>\s*<th align="right">Owner<\/th>/);
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="http://www.example.org">www.example.org</a>');
    expect(html).toMatch(/<section data-footnotes[^>]*class="footnotes"/);
    expect(html).toMatch(/<pre class="astro-code[^"]*"[^>]*data-language="sql"/);
  });

  it('sanitizes raw HTML, keeping allowlisted iframes', () => {
    const article = site.html('/kb/ops/deploy-checklist/').split('<article')[1]!.split('</article>')[0]!;
    expect(article).not.toMatch(/<script|javascript:|onclick|evil\.example/i);
    expect(article).toContain('src="https://www.youtube-nocookie.com/embed/x" allow="fullscreen"');
    expect(article).not.toContain('camera');
  });

  it("keeps the wiki's link classes on its own links only, and never writes the build's markup token", () => {
    const article = site.html('/kb/ops/deploy-checklist/').split('<article')[1]!.split('</article>')[0]!;
    expect(article).toContain('<a href="https://spoof.example/">spoof</a>');
    expect(article).toContain('class="wikilink"');
    const pages = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.filter((f) => readFileSync(path.join(site.outDir, f), 'utf8').includes('data-wiki-markup'))).toEqual([]);
  });

  it('publishes assets at slugged URLs and links images to them', () => {
    expect(site.html('/kb/ops/deploy-checklist/')).toContain('<img src="/kb/ops/images/flow-diagram.png" alt="diagram">');
    expect(site.exists('/kb/ops/images/flow-diagram.png')).toBe(true);
  });

  it('lists backlinks, marking those from another community', () => {
    const html = site.html('/kb/research/interview-notes/');
    expect(html).toMatch(/<li><a href="\/kb\/ops\/deploy-checklist\/">Deploy checklist<\/a><span class="from-community">from Platform ops<\/span><\/li>/);
    expect(site.html('/kb/ops/runbooks/restore-from-backup/')).toMatch(/Linked from[\s\S]*href="\/kb\/ops\/deploy-checklist\/">Deploy checklist</);
  });

  it('builds a folder without front matter or community.yml into a useful community', () => {
    const home = site.html('/kb/research/');
    expect(home).toContain('<h1 class="page-title">User Research</h1>');
    expect(home).toContain('No front matter here');
    expect(home).toContain('href="/kb/research/recruiting-participants/">Recruiting Participants</a>');
    expect(site.html('/kb/research/interview-notes/')).toContain('href="/kb/research/recruiting-participants/">recruiting</a>');
  });

  it('renders MDX, the community home with stewards, tags and 404', () => {
    expect(site.html('/kb/research/notes/')).toContain('Two and two make 4.');
    expect(site.html('/kb/ops/')).toContain('<a href="mailto:ada@example.org">Ada Lovelace</a>');
    expect(site.html('/kb/tags/')).toContain('href="/kb/tags/deploys/"');
    expect(site.html('/kb/tags/postgres/')).toContain('href="/kb/ops/deploy-checklist/">Deploy checklist</a>');
    expect(site.exists('/kb/404.html')).toBe(true);
  });
});

describe('a fixture wiki outside any git repository', () => {
  it('builds with every history view hidden or saying there is no history yet', () => {
    const root = writeFixture({ 'content/ops/README.md': '# Ops\n', 'content/ops/page.md': '# Page\n\n## Section\n\nText.\n' });
    try {
      const site = buildSite(root);
      expect(site.status, site.output).toBe(0);
      const page = site.html('/ops/page/');
      for (const absent of ['class="byline"', 'Contributors', 'Ask these people', 'section-credit', '/history/']) expect(page).not.toContain(absent);
      expect(site.exists('/ops/page/history/')).toBe(false);
      expect(site.html('/ops/')).not.toMatch(/Knowledge at risk|Recent changes|Contributions over time/);
      expect(site.html('/')).not.toContain('Recent changes');
      expect(site.html('/people/')).toContain('No contributions are known yet');
      expect(site.html('/recent/')).toContain('No changes are known yet');
      expect(site.html('/feeds/recent.xml')).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">[\s\S]*<\/feed>/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a fixture wiki with bad content', () => {
  it('stops with every problem listed as file:line and no stack trace', () => {
    const root = writeFixture({
      'content/ops/a.md': '---\ntitle: [unclosed\n---\n',
      'content/ops/b.md': '---\nreview-by: 2023-02-30\n---\nSee [[nowhere]].\n',
      'content/ops/B.md': 'Same URL as b.md',
      'content/ops/community.yml': 'stewards: nobody\n',
      'content/chat/community.yml': 'name: Chat\nlinks:\n  - label: Docs\n    url: "javascript:alert(document.domain)//https://docs.example.org"\n',
      'content/ops/pic.png': 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n',
    });
    try {
      const site = buildSite(root);
      expect(site.status).toBe(1);
      for (const expected of [
        'content/ops/a.md:3:1: error: invalid YAML',
        'content/ops/b.md:2: error: review-by: is not a real calendar date',
        'content/ops/b.md:4:5: warning: broken [[nowhere]]',
        'content/ops/B.md and content/ops/b.md both map to the URL /ops/b/',
        'content/ops/community.yml:1: error: stewards: must be a list of people',
        'content/chat/community.yml:4: error: links.0.url: must be an http, https or mailto URL',
        'content/ops/pic.png',
      ]) {
        expect(site.output).toContain(expected);
      }
      expect(site.output).not.toMatch(/^\s+at /m);
      // The hook throws and Astro reports it (no process.exit): its message closes the log, with no stack trace section.
      expect(site.output).toMatch(/the build stopped: fix the \d+ content problems listed above/);
      expect(site.output).not.toContain('Stack trace');
      const written = existsSync(site.outDir) ? readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')) : [];
      expect(written.filter((f) => readFileSync(path.join(site.outDir, f), 'utf8').includes('javascript:'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
