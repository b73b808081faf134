// Builds a fixture wiki whose git history has several authors, a co-author, a bot and a rename, and asserts the history views are wired into the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { spawnSync } from 'node:child_process';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site.ts';
import type { TestRepo } from '../helpers/git-repo.ts';
import { attributionRepo } from '../helpers/attribution-repo.ts';

describe('history views of a multi-author fixture wiki', () => {
  // What the pages show is the site view's (tests/site-view/site-view.test.ts); these check the build wires it in.
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = attributionRepo();
    site = buildSite(repo.dir);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => repo?.remove());

  it('shows who created and who last updated a page, with both dates', () => {
    const html = site.html('/ops/backups/');
    // The renovate[bot] commit of 2026-10-01 is newer, but "updated" is the last change by a person.
    expect(html).toMatch(/Updated <span class="date-stamp"><time datetime="2026-09-10T09:00:00\+02:00">2026-09-10<\/time> <span class="relative">\([^)]+\)<\/span><\/span> by <span class="person-ref"><a href="\/people\/grace-hopper\/">Grace Hopper<\/a><\/span>/);
    expect(html.match(/<p class="byline-dates">[\s\S]*?<\/p>/)![0]).not.toContain('renovate');
    expect(html).toMatch(/Created <span class="date-stamp"><time datetime="2024-03-01T10:00:00(\+00:00|Z)" title="2 years ago">2024-03-01<\/time><\/span> by <span class="person-ref"><a href="\/people\/ada-lovelace\/">Ada Lovelace<\/a><\/span>/);
    expect(html).toContain('<a class="history-link" href="/ops/backups/history/">History (3 revisions)</a>');
  });

  it('ranks contributors by surviving lines with their share, co-authors credited, bots left out', () => {
    const section = html('/ops/backups/', 'contributors');
    const names = [...section.matchAll(/<a href="\/people\/([^/]+)\/">([^<]+)<\/a>/g)].map((m) => m[2]);
    expect(names).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds']);
    // 15 lines: Grace rewrote one and added two, the bot changed one (counted for nobody).
    expect(section).toMatch(/Ada Lovelace<\/a><\/span><span class="contribution"><span class="share" title="11 of 14 lines">.*?79% · 11 lines/);
    expect(section).toMatch(/Grace Hopper<\/a>.*?21% · 3 lines/);
    expect(section).toMatch(/Linus Torvalds<\/a>.*?no surviving lines.*?co-authored 1/);
    expect(section).not.toContain('renovate');
    // Who to ask, in the view's order (site-view.test.ts).
    // Ada has most lines but last contributed 2024-03-01, past `inactiveDays`: after the active people, marked.
    const ask = html('/ops/backups/', 'ask-people');
    expect([...ask.matchAll(/<li>[\s\S]*?<a href="\/people\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(['grace-hopper', 'linus-torvalds', 'ada-lovelace']);
    const items = ask.split('<li>').slice(1);
    expect(items[2]).toMatch(/11 lines, <\/span><span class="ask-inactive">last contributed <span class="date-stamp"><time datetime="2024-03-01T10:00:00\+00:00" title="2 years ago">2024-03-01<\/time><\/span>; may have moved on<\/span>/);
    expect(items.slice(0, 2).join('')).not.toContain('may have moved on');
  });

  it('credits each section to its writers after its heading', () => {
    const page = site.html('/ops/backups/');
    expect(page).toMatch(/<h2 id="restore">Restore<a[^>]*><\/a><\/h2><details class="section-credit" data-section="restore" data-pagefind-ignore="all"><summary>Written by Ada Lovelace 50%, Grace Hopper 50% with Linus Torvalds<\/summary>/);
    // The heading line counts; the bot's line counts for nobody.
    expect(page).toMatch(/data-section="nightly" data-pagefind-ignore="all"><summary>Written by Ada Lovelace 50%, Grace Hopper 50% with Linus Torvalds<\/summary><ul><li><a href="\/people\/ada-lovelace\/">Ada Lovelace<\/a> · 1 line \(50%\)<\/li>/);
    expect(page).not.toContain('data-section="legacy"');
  });

  it('lists every revision with its diff, co-authors, the bot and renames', () => {
    const history = site.html('/ops/backups/history/');
    expect([...history.matchAll(/<p class="revision-message">([^<]*)<\/p>/g)].map((m) => m[1])).toEqual(['Fix spacing', 'Backups: full backups &lt;at three&gt;', 'Start the ops community']);
    expect(history).toMatch(/with <span class="person-ref"><a href="\/people\/linus-torvalds\/">Linus Torvalds<\/a><\/span>/);
    expect(history).toContain('<span class="badge bot">bot</span>');
    expect(history).toMatch(/<tr class="diff-added"><td class="ln"><\/td><td class="ln">8<\/td><td class="code"><span class="sign" aria-hidden="true">\+<\/span><span class="sr-only">added: <\/span>Run the <ins>full <\/ins>backup nightly at <ins>three<\/ins>\.<\/td><\/tr>/);
    expect(history).toMatch(/<tr class="diff-removed"><td class="ln">8<\/td><td class="ln"><\/td><td class="code"><span class="sign" aria-hidden="true">−<\/span><span class="sr-only">removed: <\/span>Run the backup nightly at <del>two<\/del>\.<\/td><\/tr>/);
    const deploy = site.html('/ops/deploy/history/');
    expect(deploy).toContain('renamed from <code>content/ops/deploy-notes.md</code>');
    // Six revisions, five a page.
    expect(deploy).toContain('<span>Page 1 of 2</span>');
    expect(deploy.match(/<li class="revision"/g)).toHaveLength(5);
    const older = site.html('/ops/deploy/history/2/');
    expect(older).toMatch(/<a rel="prev" href="\/ops\/deploy\/history\/">← Newer<\/a>/);
    expect(older.match(/<li class="revision"/g)).toHaveLength(1);
    expect(older).toContain('<span class="badge created">created</span>');
    expect(site.exists('/ops/history/')).toBe(true);
  });

  it('has a page per person and a people index, bots excluded', () => {
    const people = site.html('/people/');
    expect([...people.matchAll(/class="person-name" href="\/people\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(['ada-lovelace', 'linus-torvalds', 'grace-hopper']);
    // Pages created and edited, first contribution and contact are the view's (site-view.test.ts); one of each shows here.
    const grace = site.html('/people/grace-hopper/');
    expect(grace).toMatch(/<dt>Pages edited<\/dt><dd>2<\/dd>/);
    expect(grace).toMatch(/<svg viewBox="0 0 480 120" role="img" aria-labelledby="person-activity-title person-activity-desc">/);
    expect(grace).toContain('2 contributions from Dec 2024 to Nov 2026, at most 1 in a month.');
    expect(site.exists('/people/renovate-bot/')).toBe(false);
    expect(site.html('/people/ada-lovelace/')).toContain('steward of <a href="/ops/">Ops</a>');
    expect(grace).toContain('<a href="mailto:grace@example.org">grace@example.org</a>');
  });

  it('gives the community home its stewards, activity, freshness and knowledge at risk', () => {
    const home = site.html('/ops/');
    expect(home).toContain('<a href="/people/ada-lovelace/">Ada Lovelace</a>');
    expect(home).toContain('<a href="mailto:nobody@example.org">Nobody Yet</a>');
    const active = html('/ops/', 'active');
    expect([...active.matchAll(/<a href="\/people\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(['linus-torvalds', 'grace-hopper']);
    expect(active).toMatch(/Linus Torvalds<\/a><\/span><span class="muted small">5 commits<\/span>/);
    const risk = html('/ops/', 'risk');
    expect(risk).toContain('<a href="/ops/legacy/">Legacy</a>');
    expect(risk).toMatch(/single holder<\/span> 100% by <span class="person-ref"><a href="\/people\/ada-lovelace\/">Ada Lovelace/);
    expect(home).toMatch(/<svg viewBox="0 0 480 120" role="img" aria-labelledby="community-activity-title community-activity-desc">/);
    expect(home).toContain('href="/ops/recent/">All recent changes, bots\' included</a>');
    // The summary hides the config's bots' changes (site-view.test.ts); the full list keeps them.
    const summary = home.split('id="recent-title"')[1]!.split('class="more-links"')[0]!;
    expect(summary).not.toContain('Fix spacing');
    expect(site.html('/ops/recent/')).toContain('Fix spacing');
  });

  it('lists recent changes and publishes Atom feeds, and leaves a community page named "recent" alone', () => {
    const recent = site.html('/recent/');
    expect([...recent.matchAll(/<a class="title" href="([^"]+)">/g)].map((m) => m[1])[0]).toBe('/research/recent/');
    expect(site.html('/research/recent/')).toContain('Recent findings');
    expect(site.html('/')).toMatch(/<h2 id="recent-title" class="section-title">Recent changes<\/h2>[\s\S]*href="\/research\/recent\/"[\s\S]*<a href="\/recent\/">All recent changes, bots' included<\/a><a href="\/feeds\/recent.xml" type="application\/atom\+xml">Atom feed<\/a>/);
    expect(site.html('/ops/backups/')).toContain('<link rel="alternate" type="application/atom+xml" title="Fixture wiki: recent changes" href="/feeds/recent.xml">');
    const xml = readFileSync(path.join(site.outDir, 'feeds/recent.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    // Its entries are the view's (site-view.test.ts, page-bundle.test.ts).
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.entry[0].title).toBe('Recent findings: A page called recent');
    expect(site.exists('/feeds/ops.xml')).toBe(true);
  });

  it('reports the same numbers through `wiki stats`, as text and JSON', () => {
    const stats = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(projectRoot, 'scripts/wiki.ts'), 'stats', ...args], {
        cwd: projectRoot,
        env: { ...process.env, WIKI_ROOT: repo.dir, WIKI_TODAY: '2026-11-22', WIKI_CACHE_DIR: path.join(repo.dir, '.cache') },
        encoding: 'utf8',
      });
    const json = stats('--json', '--months', '3');
    expect(json.status, json.stderr).toBe(0);
    // The numbers are the site view's (site-view.test.ts); the command reads the same wiki and honours --months.
    const report = JSON.parse(json.stdout);
    expect([report.pages, report.people, report.commits]).toEqual([6, 3, 8]);
    expect(report.months.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    const text = stats();
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('6 pages, 2 communities, 3 people, 8 commits (as of 2026-11-22, HEAD ');
    expect(text.stdout).toContain('  ops/legacy: 100% by Ada Lovelace, inactive 996 days');
    expect(stats('--bogus').status).toBe(2);
  });

  /** The HTML of one section of a built page, found by its heading id prefix. */
  function html(url: string, id: string): string {
    const page = site.html(url);
    const start = page.search(new RegExp(`<section[^>]*(aria-labelledby="${id}-title"|class="${id}")`));
    if (start < 0) throw new Error(`no section ${id} in ${url}`);
    return page.slice(start, page.indexOf('</section>', start));
  }
});
