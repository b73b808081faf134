import { describe, expect, it } from 'vitest';
import { communityNavigation, sidebarSlice, type SidebarNode } from '../../src/lib/site/sidebar.ts';
import { modelOf } from '../helpers/model.ts';

const files: Record<string, string> = {
  'ops/README.md': '# Platform ops',
  'ops/deploy.md': '# Deploy',
  'ops/postgres/index.md': '# Postgres section',
  'ops/postgres/index-tuning.md': '# Index tuning',
  'ops/postgres/vacuum.md': '# Vacuum',
  'ops/runbooks/restore.md': '# Restore',
  'ops/runbooks/deep/er.md': '# Deeper',
  'ops/runbooks/deep/est.md': '# Deepest',
};
for (let i = 0; i < 120; i++) files[`ops/big/p${String(i).padStart(3, '0')}.md`] = `# Page ${String(i).padStart(3, '0')}`;
const model = modelOf(files);
const pagesById = new Map(model.pages.map((p) => [p.id, p]));
const ops = model.communities.find((c) => c.slug === 'ops')!;
const nav = communityNavigation(ops, pagesById, '/');
const labels = (nodes: SidebarNode[]) => nodes.map((n) => n.label);
const find = (nodes: SidebarNode[], label: string) => nodes.find((n) => n.label === label)!;
const count = (nodes: SidebarNode[]): number => nodes.reduce((sum, n) => sum + 1 + count(n.children), 0);

describe('sidebar neighbourhood', () => {
  it('counts the pages of the community but its home, once', () => {
    expect(nav.pageCount).toBe(127);
  });

  it('opens the folders on the way to the current page and collapses the others to one link with a page count', () => {
    const { nodes } = sidebarSlice(nav, 'ops/runbooks/deep/er');
    expect(labels(nodes)).toEqual(['Big', 'Postgres section', 'Runbooks', 'Deploy']);
    expect(find(nodes, 'Big')).toMatchObject({ href: '/ops/big/', collapsed: { pages: 120 }, children: [] });
    expect(find(nodes, 'Postgres section')).toMatchObject({ href: '/ops/postgres/', collapsed: { pages: 3 }, children: [] });
    const runbooks = find(nodes, 'Runbooks');
    expect(runbooks.collapsed).toBeUndefined();
    expect(labels(runbooks.children)).toEqual(['Deep', 'Restore']);
    expect(labels(find(runbooks.children, 'Deep').children)).toEqual(['Deeper', 'Deepest']);
    expect(find(runbooks.children, 'Deep').children[0]).toMatchObject({ id: 'ops/runbooks/deep/er', href: '/ops/runbooks/deep/er/' });
  });

  it('opens a folder whose index page is the current page', () => {
    const { nodes } = sidebarSlice(nav, 'ops/postgres');
    expect(labels(find(nodes, 'Postgres section').children)).toEqual(['Index tuning', 'Vacuum']);
    expect(find(nodes, 'Runbooks').collapsed).toEqual({ pages: 3 });
  });

  it('opens a folder on its own listing page and gives the folder its id, to be marked current', () => {
    const big = find(sidebarSlice(nav, 'ops/big').nodes, 'Big');
    expect(big).toMatchObject({ id: 'ops/big', href: '/ops/big/' });
    expect(big.children).toHaveLength(50);
  });

  it('on the community home shows only the top level', () => {
    const { nodes, more } = sidebarSlice(nav, 'ops');
    expect(count(nodes)).toBe(4);
    expect(more).toBeUndefined();
  });

  it('caps a long folder, keeps the current page visible and links the rest to the folder page', () => {
    const first = find(sidebarSlice(nav, 'ops/big/p003').nodes, 'Big');
    expect(first.children).toHaveLength(50);
    expect(first.children[0]!.label).toBe('Page 000');
    expect(first.more).toEqual({ count: 70, label: 'Big', href: '/ops/big/' });

    const late = find(sidebarSlice(nav, 'ops/big/p100').nodes, 'Big');
    expect(late.children).toHaveLength(50);
    expect(labels(late.children)).toContain('Page 100');
    expect(late.children.at(-1)!.label).toBe('Page 119');
    expect(late.more?.count).toBe(70);

    const middle = find(sidebarSlice(nav, 'ops/big/p060').nodes, 'Big');
    expect(middle.children[25]!.label).toBe('Page 060');
  });

  it('keeps a page of a 127-page community to a small fraction of the tree', () => {
    expect(count(sidebarSlice(nav, 'ops/big/p060').nodes)).toBeLessThan(60);
  });

  it('shows the whole tree open in a small community', () => {
    const { nodes } = sidebarSlice(nav, 'ops/deploy', { openAllUpTo: 1000, cap: 1000 });
    expect(count(nodes)).toBe(nav.pageCount + 3 /* folders without an index page */);
    expect(nodes.every((n) => n.collapsed === undefined)).toBe(true);
    expect(find(nodes, 'Runbooks')).toMatchObject({ id: 'ops/runbooks', href: '/ops/runbooks/' });
  });
});
