// Browser tests: a reader browses the sample wiki in real Chromium, on a desktop and on a phone.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const SHOTS = 'test-results/screenshots';

describe('reading the sample wiki', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('goes from the home page to a community and a page, and follows a wikilink', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(siteUrl);
    await expect(page.locator('.card h3').allTextContents()).resolves.toEqual(expect.arrayContaining(['Platform engineering', 'User research', 'Using the wiki']));
    await page.locator('.card', { hasText: 'Platform engineering' }).click();
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Platform engineering');
    // On a desktop the page tree and the table of contents are always shown.
    await expect(page.locator('.sidebar .tree').isVisible()).resolves.toBe(true);
    await page.locator('.sidebar a', { hasText: 'Index tuning for Postgres' }).first().click();
    await expect(page.locator('.toc ol').isVisible()).resolves.toBe(true);
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Index tuning for Postgres');
    const crumbs = await page.locator('.breadcrumbs li').allTextContents();
    expect(crumbs[0]).toBe('Platform engineering');
    expect(crumbs.at(-1)).toBe('Index tuning for Postgres');
    const toc = page.locator('.toc a').first();
    const target = await toc.getAttribute('href');
    await toc.click();
    expect(new URL(page.url()).hash).toBe(target);
    await page.screenshot({ path: `${SHOTS}/page-desktop.png`, fullPage: false });
    const wikilink = page.locator('article a.wikilink').first();
    const href = await wikilink.getAttribute('href');
    await wikilink.click();
    expect(new URL(page.url()).pathname).toBe(href?.split('#')[0]);
    await expect(page.locator('h1.page-title').count()).resolves.toBe(1);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling and keeps navigation reachable', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(new URL('platform-engineering/postgres/index-tuning/', siteUrl).href);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const article = await page.locator('article.prose').boundingBox();
    expect(article?.width).toBeGreaterThan(300);
    // On a phone the page tree folds away behind its summary and opens on a tap.
    await expect(page.locator('.sidebar .tree').isVisible()).resolves.toBe(false);
    await page.locator('.sidebar summary').tap();
    await expect(page.locator('.sidebar .tree').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/page-phone.png`, fullPage: false });
    await page.close();
  });

  it('follows the reader\'s dark mode setting', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(siteUrl);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(15, 20, 25)');
    await page.screenshot({ path: `${SHOTS}/home-dark.png` });
    await context.close();
  });

  it('shows the 404 page for an unknown address', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL('no/such/page/', siteUrl).href);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Page not found');
    await page.close();
  });
});
