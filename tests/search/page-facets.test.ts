import { describe, expect, it } from 'vitest';
import { communityFacets, facetAttributes, pageFacets, UNDATED, type SearchHistory, type SiteSearchHistory } from '../../src/lib/search/page-facets.ts';
import { modelOf, page } from '../helpers/model.ts';

const model = modelOf({
  'ops/community.yml': 'name: Platform ops\n',
  'ops/README.md': '---\ntags: [home]\n---\n# Ops home\n',
  'ops/deploy.md': '---\ntitle: Deploy checklist\ntags: [deploys, postgres, deploys]\ntype: how-to\n---\nText.\n',
  'ops/bare.md': 'No front matter.\n',
});
const ops = model.communities.find((c) => c.slug === 'ops')!;
const person = (name: string, email: string) => ({ name, email, commits: 1, coAuthored: 0, added: 1, removed: 0, lines: 1 });
const deployHistory: SearchHistory = {
  contributors: [person('Ada Lovelace', 'ada@example.org'), person('Grace Hopper', 'grace@example.org'), person('Ada Lovelace', 'ada@work.example')],
  updated: { date: '2026-03-04T10:11:12+02:00' },
};
const history: SiteSearchHistory = { head: 'c0ffee', pages: { 'ops/deploy': deployHistory, ops: deployHistory } };

describe('what a page tells the search index', () => {
  it('filters by community, tags, type and contributors; shows title, community and day updated; sorts by that day', () => {
    expect(pageFacets(page(model, 'ops/deploy'), ops, history)).toEqual({
      filters: { community: ['Platform ops'], tag: ['deploys', 'postgres'], type: ['how-to'], contributor: ['Ada Lovelace', 'Grace Hopper'] },
      meta: { title: 'Deploy checklist', community: 'Platform ops', updated: '2026-03-04' },
      sort: { updated: '2026-03-04' },
    });
  });

  it("dates a page by the last change a person made, as the byline does: a bot's newer commit does not count", () => {
    const touched: SearchHistory = {
      ...deployHistory,
      updated: { date: '2026-11-20T08:00:00Z', bot: true },
      revisions: [{ date: '2026-11-20T08:00:00Z', bot: true }, { date: '2026-03-04T10:11:12+02:00' }],
    };
    const facets = pageFacets(page(model, 'ops/deploy'), ops, { head: 'c0ffee', pages: { 'ops/deploy': touched } });
    expect([facets.meta.updated, facets.sort.updated]).toEqual(['2026-03-04', '2026-03-04']);
  });

  it('gives a page the history does not know yet a sort key that orders it after every dated page', () => {
    expect(pageFacets(page(model, 'ops/bare'), ops, history)).toEqual({
      filters: { community: ['Platform ops'] },
      meta: { title: 'Bare', community: 'Platform ops' },
      sort: { updated: UNDATED },
    });
    expect(UNDATED < '1970-01-01').toBe(true);
  });

  it('works without history: no contributor filter, no date, no sort key', () => {
    expect(pageFacets(page(model, 'ops/deploy'), ops)).toEqual({
      filters: { community: ['Platform ops'], tag: ['deploys', 'postgres'], type: ['how-to'] },
      meta: { title: 'Deploy checklist', community: 'Platform ops' },
      sort: {},
    });
  });

  it('finds a community home by the community name, with its home page tags', () => {
    expect(communityFacets(ops, page(model, 'ops'), history).meta).toEqual({ title: 'Platform ops', community: 'Platform ops', updated: '2026-03-04' });
    expect(communityFacets(ops, page(model, 'ops')).filters.tag).toEqual(['home']);
    const general = { ...ops, slug: 'general', name: 'General', homeId: undefined };
    expect(communityFacets(general)).toEqual({ filters: { community: ['General'] }, meta: { title: 'General', community: 'General' }, sort: {} });
    expect(communityFacets(general, undefined, history).sort).toEqual({ updated: UNDATED });
  });

  it('becomes meta attributes Pagefind reads from the content attribute, one per value', () => {
    expect(facetAttributes({ filters: { tag: ['a', 'b'] }, meta: { title: 'T' }, sort: { updated: '2026-01-02' } })).toEqual([
      { attribute: 'data-pagefind-filter', value: 'tag[content]', content: 'a' },
      { attribute: 'data-pagefind-filter', value: 'tag[content]', content: 'b' },
      { attribute: 'data-pagefind-meta', value: 'title[content]', content: 'T' },
      { attribute: 'data-pagefind-sort', value: 'updated[content]', content: '2026-01-02' },
    ]);
  });
});
