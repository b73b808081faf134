// The page bundle's data modules (src/data/*) on the virtual module vitest serves: they read the site view and the integration's revision texts, and open nothing themselves.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SiteData } from '../../src/integration/site-data.ts';
import { provideRevisionTexts } from '../../src/integration/revision-texts.ts';
import { blobReader } from '../../src/integration/revision-texts-fs.ts';
import { findRepository } from '../../src/lib/history/repo-fs.ts';
import { attributionRepo, ATTRIBUTION_TODAY } from '../helpers/attribution-repo.ts';
import { projectRoot } from '../helpers/build-site.ts';
import type { TestRepo } from '../helpers/git-repo.ts';
import { serveSiteData, siteDataOf } from '../helpers/site-data.ts';

describe('the page bundle on the virtual module', () => {
  let repo: TestRepo;
  let data: SiteData;
  beforeAll(async () => {
    repo = attributionRepo();
    data = await siteDataOf(repo.dir, ATTRIBUTION_TODAY);
    serveSiteData(data);
    vi.resetModules();
  });
  afterAll(() => {
    provideRevisionTexts(undefined);
    repo?.remove();
  });

  it('takes today and the people from the site data', async () => {
    const site = await import('../../src/data/site.ts');
    const attribution = await import('../../src/data/attribution.ts');
    expect(site.today).toBe(ATTRIBUTION_TODAY);
    expect(attribution.people.map((p) => p.slug)).toEqual(['ada-lovelace', 'linus-torvalds', 'grace-hopper']);
    expect(attribution.personHref('linus@example.org')).toBe('/people/linus-torvalds/');
    expect(attribution.feedHref('ops')).toBe('/feeds/ops.xml');
  });

  it('writes valid Atom feeds', async () => {
    const { recentFeed } = await import('../../src/data/feeds.ts');
    const { recentSiteChanges } = await import('../../src/data/attribution.ts');
    const xml = recentFeed('Fixture wiki: recent changes', 'recent', 'recent', recentSiteChanges(50));
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.entry[0].title).toBe('Recent findings: A page called recent');
    expect(feed.entry[0].updated).toBe('2026-11-21T12:00:00Z');
    expect(feed.entry[0].author.name).toBe('Linus Torvalds');
  });

  it('diffs revisions only through the reader the integration provides', async () => {
    const { revisionDiffs } = await import('../../src/data/revision-diffs.ts');
    const { historyOf } = await import('../../src/data/attribution.ts');
    const revisions = historyOf('ops/backups')!.revisions;
    const grace = revisions.find((r) => r.author.name === 'Grace Hopper')!;
    provideRevisionTexts(undefined);
    expect((await revisionDiffs(revisions)).get(grace.commit)).toBeUndefined();
    const reader = blobReader(findRepository(repo.dir)?.commondir);
    provideRevisionTexts(reader);
    try {
      const diff = (await revisionDiffs(revisions)).get(grace.commit);
      expect(diff).toBeDefined();
      expect(JSON.stringify(diff)).toContain('three');
    } finally {
      reader.close();
    }
  });

  it('never imports code that opens git, reads files or loads config', () => {
    for (const file of ['site.ts', 'attribution.ts', 'feeds.ts', 'forge.ts', 'revision-diffs.ts']) {
      const source = readFileSync(path.join(projectRoot, 'src/data', file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((i) => /-fs(\.ts)?$|^node:|wiki-fs|process/.test(i)), file).toEqual([]);
      expect(source, file).not.toMatch(/process\.env|loadWiki/);
    }
  });
});
