// The output plan: every path the build writes, from the model, and collisions naming both sources.
import { describe, expect, it } from 'vitest';
import { planOutputs } from '../../src/lib/site/output-plan.ts';
import { errorsIn, modelOf } from '../helpers/model.ts';

const plan = (files: Record<string, string>) => planOutputs(modelOf(files));

describe('the output plan', () => {
  it('lists pages, community routes, history, feeds, site routes and assets', () => {
    const { outputs, problems } = plan({ 'ops/README.md': '# Ops', 'ops/deploy.md': '# Deploy\n\n![flow](img/flow.png)', 'ops/img/flow.png': 'png', 'welcome.md': '# Hi' });
    expect(problems).toEqual([]);
    expect(outputs.get('ops/index.html')).toBe('content/ops/README.md');
    expect(outputs.get('ops/deploy/index.html')).toBe('content/ops/deploy.md');
    expect(outputs.get('ops/deploy/history/index.html')).toBe('the history of content/ops/deploy.md');
    expect(outputs.get('ops/recent/index.html')).toMatch(/recent changes of community/);
    expect(outputs.get('feeds/ops.xml')).toMatch(/Atom feed of community/);
    expect(outputs.get('general/welcome/index.html')).toBe('content/welcome.md');
    expect(outputs.get('ops/img/flow.png')).toBe('content/ops/img/flow.png');
    expect(outputs.get('search/index.html')).toBe("the site's search page");
    expect(outputs.get('404.html')).toBe("the site's 404 page");
  });

  it.each([
    ['search/logo.png', /content\/search\/logo\.png would be published at \/search\/logo\.png, inside \/search\/, which is the site's search page/],
    ['pagefind/pagefind-entry.json', /content\/pagefind\/pagefind-entry\.json would be published at \/pagefind\/pagefind-entry\.json, inside \/pagefind\/, which is the site's search index/],
    ['_astro/font.woff2', /inside \/_astro\/, which is the site's scripts and styles/],
    ['feeds/ops.json', /inside \/feeds\/, which is the site's Atom feeds/],
    ['tags/x.png', /inside \/tags\/, which is the site's tag pages/],
  ])('refuses an asset under a reserved route: %s', (asset, message) => {
    // Linked from a page, so it would be published (unlinked, outside folders of pages, it is not).
    const { problems } = plan({ 'ops/README.md': `# Ops\n\n[file](../${asset})`, [asset]: 'x' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: `content/${asset}`, severity: 'error' });
    expect(problems[0]?.message).toMatch(message);
  });

  it('names both sources when two things would write one path', () => {
    const model = modelOf({ 'ops/README.md': '# Ops', 'ops/deploy.md': '# Deploy' });
    // No asset type on the allowlist can end in index.html; a model built by hand shows the plan catches it anyway.
    const withAsset = { ...model, assets: [{ id: 'ops/deploy/index.html', path: 'ops/deploy/index.html', file: 'content/OPS/deploy/index.html' }] } as typeof model;
    const { problems } = planOutputs(withAsset);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/OPS/deploy/index.html', message: 'content/ops/deploy.md and content/OPS/deploy/index.html would both be written to /ops/deploy/index.html: rename or move one of them' }),
    ]);
  });

  it('names both sources when a file would stand where a folder is needed', () => {
    const model = modelOf({ 'ops/README.md': '# Ops', 'ops/deploy.md': '# Deploy' });
    const withAsset = { ...model, assets: [{ id: 'ops/deploy', path: 'ops/deploy', file: 'content/ops/deploy' }] } as typeof model;
    const { problems } = planOutputs(withAsset);
    expect(problems[0]?.message).toBe('content/ops/deploy would be written to /ops/deploy, a folder content/ops/deploy.md needs: rename or move one of them');
  });

  it('does not plan the pages of a community on a reserved route twice (the model reports it)', () => {
    const model = modelOf({ 'search/README.md': '# Search', 'search/x.md': '# X' });
    expect(errorsIn(model).map((p) => p.message)).toEqual([expect.stringMatching(/would take the site's own \/search\/ route/)]);
    expect(planOutputs(model).problems).toEqual([]);
  });
});

describe('folder spellings of one community', () => {
  it('counts asset folders: content/OPS/ next to content/ops/ is an error naming both', () => {
    const model = modelOf({ 'ops/README.md': '# Ops', 'OPS/runbook/diagram.png': 'png' });
    expect(errorsIn(model).map((p) => p.message)).toEqual(['the folders content/ops and content/OPS are one community (/ops/): merge or rename them']);
  });
});
