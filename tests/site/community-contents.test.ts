import { describe, expect, it } from 'vitest';
import { communityContents, groupByInitial } from '../../src/lib/site/community-contents.ts';
import { communityNavigation } from '../../src/lib/site/sidebar.ts';
import { modelOf } from '../helpers/model.ts';

describe('a big community home', () => {
  it('lists the top-level folders with their page counts and the pages straight in the community', () => {
    const files: Record<string, string> = { 'ops/README.md': '# Ops', 'ops/deploy.md': '# Deploy', 'ops/postgres/index.md': '# Postgres', 'ops/solo/index.md': '# Solo' };
    for (let i = 0; i < 30; i++) files[`ops/postgres/deep/p${i}.md`] = `# P${i}`;
    const model = modelOf(files);
    const ops = model.communities.find((c) => c.slug === 'ops')!;
    const contents = communityContents(communityNavigation(ops, new Map(model.pages.map((p) => [p.id, p])), '/kb/'));
    expect(contents.folders).toEqual([{ label: 'Postgres', href: '/kb/ops/postgres/', pages: 31 }]);
    expect(contents.pageIds.sort()).toEqual(['ops/deploy', 'ops/solo']);
  });

  it('groups titles A–Z, accents folded, anything else under # first', () => {
    const groups = groupByInitial(['beta', 'Alpha', 'émile', '42 things', 'apple', 'Zed'], (s) => s);
    expect(groups).toEqual([
      { initial: '#', items: ['42 things'] },
      { initial: 'A', items: ['Alpha', 'apple'] },
      { initial: 'B', items: ['beta'] },
      { initial: 'E', items: ['émile'] },
      { initial: 'Z', items: ['Zed'] },
    ]);
  });
});
