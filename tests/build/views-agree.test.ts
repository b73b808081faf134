// Builds a wiki whose last commits are a bot's: the pages' byline and outdated notice say what the people left, as the health views do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';

const renovate = { name: 'renovate[bot]', email: 'bot@renovate.example' };
const archive = (status: string) => `---\ntitle: Archive\n${status}---\nThe old cluster.\n`;

describe('built pages after a bot commit', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = TestRepo.create('wiki-views-agree-build-');
    repo.commit({
      author: ada,
      date: '2026-03-01T10:00:00+00:00',
      message: 'Start',
      files: { 'wiki.config.yml': 'title: Agree\nbots: [bot@renovate.example]\n', 'content/ops/community.yml': 'name: Ops\n', 'content/ops/README.md': '# Ops\n', 'content/ops/archive.md': archive('') },
    });
    repo.commit({ author: grace, date: '2026-08-01T09:00:00+00:00', message: 'Archive is outdated', files: { 'content/ops/archive.md': archive('status: outdated\n') } });
    repo.commit({ author: renovate, date: '2026-11-20T08:00:00+00:00', message: 'Normalise front matter', files: { 'content/ops/archive.md': archive('') } });
    site = buildSite(repo.dir);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => repo?.remove());

  it("dates the page by Grace's change, not the bot's, and keeps the outdated mark the bot dropped", () => {
    const html = site.html('/ops/archive/');
    const byline = html.match(/<p class="byline-dates">[\s\S]*?<\/p>/)![0];
    expect(byline).toMatch(/Updated <span class="date-stamp"><time datetime="2026-08-01T09:00:00\+00:00">2026-08-01<\/time>[\s\S]*? by <span class="person-ref"><a href="\/people\/grace-hopper\/">Grace Hopper<\/a>/);
    expect(byline).not.toContain('renovate');
    expect(html).toContain('<span class="badge status-outdated">outdated</span>');
    expect(html).toContain('This page was marked <strong>outdated</strong>, and only a bot has changed it since');
    // The community home's freshness table agrees.
    expect(site.html('/ops/')).toMatch(/<tr class="freshness-outdated"><td><a href="\/ops\/archive\/">Archive<\/a> <span class="badge fresh-outdated">outdated<\/span>/);
    // So do the page lists (the community home's contents, the folder listing): the same rule, not HEAD's front matter alone.
    for (const listing of ['/ops/']) {
      const item = site.html(listing).match(/<ul class="page-list">[\s\S]*?<\/ul>/)![0].match(/<li>(?:(?!<\/li>)[\s\S])*?href="\/ops\/archive\/"[\s\S]*?<\/li>/)![0];
      expect(item).toContain('<span class="badge status-outdated">outdated</span>');
    }
  });
});
