import { describe, expect, it } from 'vitest';
import { frontPageOf, siteTitleOf } from '../../src/lib/site-view/front-page.ts';
import { modelOf } from '../helpers/model.ts';

describe('the front page and the site title', () => {
  it('is the README.md or index.md at the content root, any case', () => {
    for (const name of ['README.md', 'readme.md', 'Index.md', 'index.mdx']) {
      const model = modelOf({ [name]: '# Handbook\n', 'ops/README.md': '# Ops\n', 'welcome.md': '# Welcome\n' });
      expect(frontPageOf(model.pages)?.path).toBe(name);
    }
    expect(frontPageOf(modelOf({ 'ops/README.md': '# Ops\n', 'welcome.md': '# Welcome\n' }).pages)).toBeUndefined();
  });

  it('titles the site from the config, else the front page heading, else "Community wiki"', () => {
    const titled = frontPageOf(modelOf({ 'README.md': 'Intro.\n\n# Acme Handbook\n' }).pages);
    const untitled = frontPageOf(modelOf({ 'README.md': 'Just text.\n' }).pages);
    expect(siteTitleOf('Config title', titled)).toBe('Config title');
    expect(siteTitleOf(undefined, titled)).toBe('Acme Handbook');
    expect(siteTitleOf(undefined, untitled)).toBe('Community wiki');
    expect(siteTitleOf(undefined, undefined)).toBe('Community wiki');
  });

  it('keeps the default community from taking the front page text as its own description', () => {
    const model = modelOf({ 'README.md': '# Handbook\n\nHow we work.\n', 'welcome.md': '# Welcome\n' });
    expect(model.communities.find((c) => c.slug === 'general')).toMatchObject({ name: 'General', homeId: 'general' });
    expect(model.communities.find((c) => c.slug === 'general')?.description).toBeUndefined();
  });
});
