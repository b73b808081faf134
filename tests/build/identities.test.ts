// Builds a fixture wiki whose history has one person under three emails (one a GitHub noreply) and a robot, and asserts the person's page and the contributors list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { TestRepo } from '../helpers/git-repo.ts';

describe('people joined by name and forge login in a built site', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = TestRepo.create('wiki-identities-build-');
    repo.commit({ author: { name: 'Andrea LaRowe', email: 'andrea@work.example' }, date: '2024-03-01T10:00:00+00:00', message: 'Start', files: { 'wiki.config.yml': 'title: Identities\n', 'content/ops/community.yml': 'name: Ops\nstewards:\n  - name: Andrea LaRowe\n    email: andrea@work.example\n    github: alarowe\n', 'content/ops/p.md': '# P\n\none\n' } });
    repo.commit({ author: { name: 'andrea  larowe', email: 'andrea@home.example' }, date: '2024-03-02T10:00:00+00:00', message: 'Two', files: { 'content/ops/p.md': '# P\n\none\ntwo\n' } });
    repo.commit({ author: { name: 'Andrea LaRowe', email: '7+alarowe@users.noreply.github.com' }, date: '2024-03-03T10:00:00+00:00', message: 'Three', files: { 'content/ops/p.md': '# P\n\none\ntwo\nthree\n' } });
    repo.commit({ author: { name: 'k8s-merge-robot', email: 'merge@k8s.example' }, date: '2024-03-04T10:00:00+00:00', message: 'Four', files: { 'content/ops/p.md': '# P\n\none\ntwo\nthree\nfour\n' } });
    site = buildSite(repo.dir);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => repo?.remove());

  it('credits one person on the page and leaves the robot out', () => {
    const html = site.html('/ops/p/');
    const start = html.search(/<section[^>]*(aria-labelledby="contributors-title"|class="contributors")/);
    expect(start).toBeGreaterThan(0);
    const section = html.slice(start, html.indexOf('</section>', start));
    const names = [...section.matchAll(/<a href="\/people\/([^/]+)\/">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['andrea-larowe']));
    expect(section).not.toContain('k8s-merge-robot');
    expect(site.exists('/people/andrea-larowe-2/')).toBe(false);
  });

  it("lists the joined emails on the person's page: readable ones in full, the noreply one only counted", () => {
    const html = site.html('/people/andrea-larowe/');
    const joined = /<p class="muted small joined-emails">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    const key = /href="mailto:([^"]+)"/.exec(html)?.[1];
    const shown = [...joined.matchAll(/mailto:([^"]+)"/g)].map((m) => m[1]);
    // The steward's listing (one of the joined emails) is the contact; the other address someone reads follows.
    expect(key).toBe('andrea@work.example');
    expect(shown).toEqual(['andrea@home.example']);
    expect(joined).toContain('1 address nobody reads');
    expect(html).not.toContain('users.noreply.github.com');
    // Listed as a steward under a joined email, the person is still that steward, with the steward's handle.
    expect(html).toMatch(/steward of <a href="\/ops\/">Ops<\/a>/);
    expect(html).toContain('href="https://github.com/alarowe"');
    // Three commits git lists for the three emails, one person.
    const commits = repo.git(['log', '--format=%aE']).trim().split('\n').filter((e) => !e.startsWith('merge@')).length;
    expect(html).toMatch(new RegExp(`<dt>Commits</dt><dd>${commits}<`));
  });
});
