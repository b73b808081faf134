// Builds a fixture wiki where a forger signs as "…[bot]": the home and community summaries of recent changes still show the change; only the config's bots are hidden there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';

const listedBot = { name: 'Link Fixer', email: 'linkfixer@bots.example' };
const forger = { name: 'dependabot[bot]', email: 'mallory@evil.example' };

describe('summaries of recent changes and self-declared bots', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = TestRepo.create('wiki-recent-bots-');
    repo.commit({
      author: ada,
      date: '2026-11-01T10:00:00+00:00',
      message: 'Start the ops community',
      files: {
        'wiki.config.yml': 'title: Fixture wiki\nbots: [linkfixer@bots.example]\n',
        'content/ops/README.md': '# Ops\n\nThe ops community.\n',
        'content/ops/backups.md': '# Backups\n\nRun them nightly.\n',
      },
    });
    repo.commit({ author: listedBot, date: '2026-11-10T10:00:00+00:00', message: 'Fix links everywhere', files: { 'content/ops/backups.md': '# Backups\n\nRun them nightly!\n' } });
    repo.commit({ author: forger, date: '2026-11-20T10:00:00+00:00', message: 'Backups are optional now', files: { 'content/ops/backups.md': '# Backups\n\nSkip them.\n' } });
    site = buildSite(repo.dir);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => repo?.remove());

  const summaryOf = (html: string) => html.split('id="recent-title"')[1]!.split('class="more-links"')[0]!;

  it('shows a change signed "…[bot]" by someone the config does not list, on the home page and the community home', () => {
    for (const url of ['/', '/ops/']) {
      const summary = summaryOf(site.html(url));
      expect(summary).toContain('Backups are optional now');
      expect(summary).toContain('dependabot[bot]');
    }
  });

  it('still hides the bots the config lists, and the full list keeps them', () => {
    for (const url of ['/', '/ops/']) expect(summaryOf(site.html(url))).not.toContain('Fix links everywhere');
    expect(site.html('/ops/recent/')).toContain('Fix links everywhere');
  });
});
