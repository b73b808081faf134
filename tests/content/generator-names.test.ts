// Middleman's and Jekyll's page names (`deploy.html.md`) and ERB templates, as govuk-developer-docs writes them:
// one page rule read by ids, titles, links, discovery, the history engine and the published-files list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetTypeVerdict } from '../../src/lib/content/asset-types.ts';
import { discoverContent } from '../../src/lib/content/discover-fs.ts';
import { isIndexPage, isPageFile, isTemplateFile, pageStem } from '../../src/lib/content/page-rule.ts';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

describe('a target extension before the Markdown one', () => {
  it('is not part of the page name', () => {
    expect(pageStem('manual/Deploy.html.md')).toBe('manual/Deploy');
    expect(pageStem('manual/deploy.HTM.md')).toBe('manual/deploy');
    expect(pageStem('manual/deploy.html')).toBe('manual/deploy');
    expect(pageStem('notes.md')).toBe('notes');
    expect(pageStem('v1.2 notes.md')).toBe('v1.2 notes');
    expect(isIndexPage('kubernetes/get-started/index.html.md')).toBe(true);
  });

  it('gives the page the URL, title and links of its name', () => {
    const model = modelOf({
      'manual/deploy-a-change.html.md': 'Steps.\n',
      'manual/rollback.html.md': '# Rollback\n\n## Before you start\n',
      'kubernetes/get-started/index.html.md': '# Get started\n\n[Set up](set-up-tools) and [tutorials](tutorials/).\n',
      'kubernetes/get-started/set-up-tools.html.md': '# Set up tools\n',
      'kubernetes/get-started/tutorials/index.html.md': '# Tutorials\n',
      'manual/jekyll-page.md': '# Jekyll page\n',
      'manual/links.html.md': [
        '# Links',
        '',
        '[a](rollback.html) [b](rollback.html#before-you-start) [c](../kubernetes/get-started/set-up-tools.html)',
        '[d](rollback.html.md) [e](jekyll-page.html) [f](../kubernetes/get-started/)',
        '',
      ].join('\n'),
    });
    expect(errorsIn(model)).toEqual([]);
    expect(model.pages.map((p) => p.id).sort()).toEqual([
      'kubernetes/get-started',
      'kubernetes/get-started/set-up-tools',
      'kubernetes/get-started/tutorials',
      'manual/deploy-a-change',
      'manual/jekyll-page',
      'manual/links',
      'manual/rollback',
    ]);
    expect(page(model, 'manual/deploy-a-change').title).toBe('Deploy a change');
    expect(page(model, 'manual/links').links.map((l) => l.to)).toEqual([
      'manual/rollback',
      'manual/rollback',
      'kubernetes/get-started/set-up-tools',
      'manual/rollback',
      'manual/jekyll-page',
      'kubernetes/get-started',
    ]);
    expect(page(model, 'kubernetes/get-started').links.map((l) => l.to)).toEqual(['kubernetes/get-started/set-up-tools', 'kubernetes/get-started/tutorials']);
  });

  it('makes deploy.md and deploy.html.md in one folder a collision naming both', () => {
    const model = modelOf({ 'ops/deploy.md': '# A\n', 'ops/deploy.html.md': '# B\n' });
    const messages = errorsIn(model).map((p) => p.message).join('\n');
    expect(messages).toContain('ops/deploy.md');
    expect(messages).toContain('ops/deploy.html.md');
  });
});

describe('ERB templates', () => {
  it('are never pages, and each is not published with the reason', () => {
    for (const name of ['apps.html.md.erb', 'layouts/page.html.erb', 'schema.ERB', 'apps.json.erb']) {
      expect(isTemplateFile(name)).toBe(true);
      expect(isPageFile(name)).toBe(false);
      expect(assetTypeVerdict(name)).toEqual({ published: false, reason: expect.stringMatching(/^an ERB template \(\.erb\) is Ruby code/) });
    }
    expect(isTemplateFile('.erb')).toBe(false);
    const model = modelOf({ 'manual/index.html.md': '# Manual\n', 'manual/apps.html.md.erb': '<%= render "x" %>\n', 'layouts/page.html.erb': '<%= yield %>\n' });
    expect(errorsIn(model)).toEqual([]);
    expect(model.pages.map((p) => p.id)).toEqual(['manual']);
    const templateLines = model.unpublished.filter((u) => /ERB template/.test(u.reason)).map((u) => `${u.file} ${u.severity}`).sort();
    expect(templateLines).toEqual(['content/layouts/page.html.erb warning', 'content/manual/apps.html.md.erb warning']);
  });
});

describe('a link to the page a template would make', () => {
  it('is broken, and says the template is not run', () => {
    const model = modelOf({ 'manual/apps.html.md.erb': '<%= apps %>\n', 'manual/on-call.html.md': '# On call\n\nSee [apps](apps.html) and [nothing](nothing.html).\n' });
    expect(errorsIn(model).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'content/manual/on-call.html.md:3:5 broken link to "apps.html": it is made by the ERB template manual/apps.html.md.erb, which the wiki does not run',
      'content/manual/on-call.html.md:3:27 broken link to "nothing.html": no such file in the content folder',
    ]);
  });
});

describe('discovery and the history engine agree on generator names', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create('wiki-generator-names-');
    repo.commit({
      author: ada,
      date: '2024-01-05T09:00:00+01:00',
      message: 'Middleman pages and templates',
      files: {
        'source/manual/deploy.html.md': '# Deploy\n',
        'source/index.html.md': '# Home\n',
        'source/manual/apps.html.md.erb': '<%= render "apps" %>\n',
        'source/layouts/page.html.erb': '<%= yield %>\n',
      },
    });
  });
  afterAll(() => repo.remove());

  it('lists the same pages, and no template', async () => {
    const discovered = discoverContent(`${repo.dir}/source`).pages.map((p) => p.path).sort();
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/source`, cacheDir: null });
    const engine = Object.keys(history.pages).map((p) => p.replace(/^source\//, '')).sort();
    expect(discovered).toEqual(['index.html.md', 'manual/deploy.html.md']);
    expect(engine).toEqual(discovered);
  });
});
