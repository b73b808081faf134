// Browser tests: searching the sample wiki from the header box and the shareable results page, in real Chromium.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { buildSite, projectRoot, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const siteUrl = inject('siteUrl');
const SHOTS = 'test-results/screenshots';
const at = (path: string) => new URL(path, siteUrl).href;
const titles = (page: Page) => page.locator('.search-results .result-title').allTextContents();
const firstResult = (page: Page) => page.locator('.search-results .search-result').first().waitFor();

describe('searching the sample wiki', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('finds the expected page first from the header box, "/" to focus, arrows and Enter to choose', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(at('using-the-wiki/'));
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-input');
    await page.keyboard.type('postgres index');
    const options = page.locator('.search-popover [role="option"]');
    const first = options.first();
    await first.waitFor();
    await expect(first.locator('.result-title').textContent()).resolves.toBe('Index tuning for Postgres');
    await expect(first.locator('.result-community').textContent()).resolves.toBe('Platform engineering');
    await expect(first.locator('.result-excerpt mark').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/search-popover-desktop.png` });
    // Down to the second option, up again to the first, then Enter follows it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#site-search-input').getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/platform-engineering\/postgres\/index-tuning\/$/);
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Index tuning for Postgres');
    await page.close();
  });

  it('wraps around the options, closes on Escape, and opens the results page from its last option', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    await page.keyboard.press('/');
    await page.keyboard.type('backup');
    const popover = page.locator('.search-popover');
    await popover.locator('.search-result').first().waitFor();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('.search-all').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(popover.isHidden()).resolves.toBe(true);
    await expect(page.locator('#site-search-input').inputValue()).resolves.toBe('backup');
    await page.keyboard.press('ArrowDown');
    await popover.waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.search === '?q=backup');
    await firstResult(page);
    await page.close();
  });

  it('focuses the box with Ctrl+K even from another field, and Enter submits to the results page', async () => {
    const page = await browser.newPage();
    await page.goto(at('search/'));
    await page.locator('#search-page-input').focus();
    await page.keyboard.press('Control+k');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-input');
    await page.keyboard.type('backups');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=backups$/);
    await firstResult(page);
    await expect(page.locator('#search-page-input').inputValue()).resolves.toBe('backups');
    await page.close();
  });

  it('filters by community and tag, keeps the search in a shareable URL, and follows a result', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(at('search/?q=backup'));
    await firstResult(page);
    const before = await page.locator('.search-results .result-community').allTextContents();
    expect(new Set(before).size).toBeGreaterThan(1);
    await page.locator('.filter-group[data-filter="community"] input[value="Platform engineering"]').check();
    await expect.poll(async () => new Set(await page.locator('.search-results .result-community').allTextContents())).toEqual(new Set(['Platform engineering']));
    expect(new URL(page.url()).search).toBe('?q=backup&community=Platform+engineering');
    await page.locator('.filter-group[data-filter="tag"] input[value="postgres"]').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=backup&community=Platform+engineering&tag=postgres');
    await expect.poll(async () => (await titles(page)).length).toBeLessThan(before.length);
    await page.screenshot({ path: `${SHOTS}/search-page-desktop.png` });
    const shared = page.url();
    const filtered = await titles(page);

    // The same URL opened fresh shows the same search.
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(shared);
    await firstResult(other);
    await expect(titles(other)).resolves.toEqual(filtered);
    await expect(other.locator('.filter-group[data-filter="community"] input[value="Platform engineering"]').isChecked()).resolves.toBe(true);
    await expect(other.locator('#search-page-input').inputValue()).resolves.toBe('backup');
    const result = other.locator('.search-results .search-result a').first();
    const href = await result.getAttribute('href');
    await result.click();
    await other.waitForURL((url) => url.pathname === href);
    // Back returns to the same results.
    await other.goBack();
    await firstResult(other);
    await expect(titles(other)).resolves.toEqual(filtered);
    await other.close();
    await page.close();
  });

  it('filters by contributor: "everything this person wrote", from the pages\' history', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(at('search/?q=postgres'));
    await firstResult(page);
    const contributors = page.locator('.filter-group[data-filter="contributor"] input');
    // The sample wiki's history: authors and co-authors of the commits that touched content/ (git is the oracle).
    // Bots (names ending in [bot], and the identities listed under `bots` in wiki.config.yml) are never offered.
    const configuredBots = (parse(readFileSync(path.join(projectRoot, 'wiki.config.yml'), 'utf8')) as { bots?: string[] }).bots ?? [];
    const authors = execFileSync('git', ['log', '--full-history', '--format=%aN <%aE>%n%(trailers:key=Co-authored-by,valueonly)', '--', 'content'], { cwd: projectRoot, encoding: 'utf8' })
      .split('\n')
      .filter((line) => !configuredBots.some((bot) => line.toLowerCase().includes(bot.toLowerCase())))
      .map((line) => line.replace(/<[^>]*>/, '').trim())
      .filter((name) => name && !name.endsWith('[bot]'));
    const dated = (await page.locator('select[name="sort"]').count()) > 0;
    if (!dated) {
      // Without history (no repository, or before the history engine runs) there is nothing to filter by.
      await expect(contributors.count()).resolves.toBe(0);
      await page.close();
      return;
    }
    const listed = await contributors.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    // The most frequent author of the sample content (today its only one) must be offered.
    const tally = new Map<string, number>();
    for (const name of authors) tally.set(name, (tally.get(name) ?? 0) + 1);
    const author = [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    expect(listed).toContain(author);
    for (const name of listed) expect(authors).toContain(name);
    const all = await titles(page);
    const count = Number(await page.locator(`.filter-group[data-filter="contributor"] label:has(input[value="${author}"]) .filter-count`).textContent());
    await page.locator(`.filter-group[data-filter="contributor"] input[value="${author}"]`).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('contributor')).toEqual([author]);
    await expect.poll(async () => (await titles(page)).length).toBe(Math.min(count, 20));
    for (const title of await titles(page)) expect(all).toContain(title);
    // Without words: every page the person wrote.
    await page.goto(at(`search/?contributor=${encodeURIComponent(author)}`));
    await firstResult(page);
    await expect(page.locator('.search-summary').textContent()).resolves.toMatch(/^\d+ pages? found$/);
    await page.close();
  });

  it('finds the French page in its own language, from an English page and from the French one', async () => {
    const page = await browser.newPage();
    await page.goto(at('search/?q=sauvegardes'));
    await firstResult(page);
    await expect(titles(page)).resolves.toContain('Sauvegardes Postgres');
    // A form the page does not contain ("restaurez"; it has "restaurer", "restauration"): stemming finds it,
    // from the results page (English) and from the header box of the French page, whose stemmer reads the query.
    await page.goto(at('search/?q=restaurez'));
    await firstResult(page);
    await expect(titles(page)).resolves.toContain('Sauvegardes Postgres');
    await page.goto(at('platform-engineering/postgres/sauvegardes/'));
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await page.keyboard.press('/');
    await page.keyboard.type('restaurez');
    await page.locator('.search-popover .search-result').first().waitFor();
    await expect(page.locator('.search-popover .result-title').allTextContents()).resolves.toContain('Sauvegardes Postgres');
    await page.close();
  });

  it('works on a phone and in dark mode', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(at('platform-engineering/'));
    await page.locator('#site-search-input').tap();
    await page.keyboard.type('deploy');
    await page.locator('.search-popover .search-result').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('.search-popover').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/search-popover-phone-dark.png` });
    await page.goto(at('search/?q=deploy'));
    await firstResult(page);
    await page.screenshot({ path: `${SHOTS}/search-page-phone-dark.png`, fullPage: true });
    await context.close();
  });

  it('falls back without JavaScript: the header form is a GET to the results page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at('using-the-wiki/'));
    await page.locator('#site-search-input').fill('postgres index');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.searchParams.get('q') === 'postgres index');
    await expect(page.locator('.search-summary').textContent()).resolves.toContain('needs JavaScript');
    await context.close();
  });
});

describe('searching a wiki served under a base path', () => {
  let browser: Browser;
  let site: BuiltSite;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    site = buildSite(
      writeFixture({
        'wiki.config.yml': 'title: Base wiki\nbase: /kb/\n',
        'content/ops/deploy.md': '---\ntitle: Deploy checklist\n---\nDrain the queue before the zookeeper restart.\n',
        'content/ops/notes.md': '# Notes\n\nNothing about queues.\n',
      }),
      { base: '/kb/' },
    );
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
    server = await serveStatic(site.outDir, '/kb/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(site.root, { recursive: true, force: true });
  });

  it('loads the index and links results under the base path', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('zookeeper');
    const result = page.locator('.search-popover .search-result a').first();
    await result.waitFor();
    await expect(result.getAttribute('href')).resolves.toBe('/kb/ops/deploy/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kb\/ops\/deploy\/$/);
    expect(failed).toEqual([]);
    await page.close();
  });
});
