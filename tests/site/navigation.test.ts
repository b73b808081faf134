import { describe, expect, it } from 'vitest';
import { breadcrumbs, pageTree, type TreeNode } from '../../src/lib/site/navigation.ts';
import { modelOf, page } from '../helpers/model.ts';

const model = modelOf({
  'ops/README.md': '# Platform ops',
  'ops/deploy.md': '# Deploy',
  'ops/postgres/index.md': '# Postgres section',
  'ops/postgres/index-tuning.md': '# Index tuning',
  'ops/runbooks/restore.md': '# Restore',
  'ops/runbooks/deep/er.md': '# Deeper',
});
const pagesById = new Map(model.pages.map((p) => [p.id, p]));
const ops = model.communities.find((c) => c.slug === 'ops')!;
const shape = (nodes: TreeNode[]): unknown => nodes.map((n) => (n.children.length ? { [n.label]: shape(n.children) } : n.label));

describe('navigation', () => {
  it('breadcrumbs go community › folders (each linked: to its index page, else its listing) › page', () => {
    expect(breadcrumbs(page(model, 'ops/postgres/index-tuning'), ops, pagesById, '/')).toEqual([
      { label: 'Platform ops', href: '/ops/' },
      { label: 'Postgres section', href: '/ops/postgres/' },
      { label: 'Index tuning' },
    ]);
    expect(breadcrumbs(page(model, 'ops/runbooks/deep/er'), ops, pagesById, '/wiki/').map((c) => c.label)).toEqual(['Platform ops', 'Runbooks', 'Deep', 'Deeper']);
    expect(breadcrumbs(page(model, 'ops/postgres'), ops, pagesById, '/').map((c) => c.label)).toEqual(['Platform ops', 'Postgres section']);
  });

  it('the page tree nests folders first, folder index pages standing for their folder', () => {
    const tree = pageTree(ops, pagesById, '/');
    expect(shape(tree)).toEqual([{ 'Postgres section': ['Index tuning'] }, { Runbooks: [{ Deep: ['Deeper'] }, 'Restore'] }, 'Deploy']);
    expect(tree[0]).toMatchObject({ href: '/ops/postgres/', id: 'ops/postgres' });
    expect(tree[1]!.href).toBeUndefined();
  });
});
