// Browser tests: a reader follows a page to its history, opens a diff and a contributor's page, on a desktop and a phone.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const SHOTS = 'test-results/screenshots';
const PAGE = 'platform-engineering/postgres/index-tuning/';
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('attribution and history in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`goes from a page to its history, a diff and a person (${name}, ${colorScheme})`, async () => {
        const context = await browser.newContext({ viewport, colorScheme, isMobile: name === 'phone', hasTouch: name === 'phone' });
        const page = await context.newPage();
        const shot = (view: string) => page.screenshot({ path: `${SHOTS}/attribution-${view}-${name}-${colorScheme}.png` });

        await page.goto(new URL(PAGE, siteUrl).href);
        await expect(page.locator('.byline').isVisible()).resolves.toBe(true);
        await expect(page.locator('.byline time').first().getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T/);
        const contributors = await page.locator('.contributor-list li').count();
        expect(contributors).toBeGreaterThan(1);
        await expect(page.locator('.ask-list li').count()).resolves.toBeGreaterThan(0);
        await noSidewaysScroll(page);
        await shot('page');

        // A section's credit opens without script.
        const credit = page.locator('.section-credit').first();
        await credit.locator('summary').click();
        await expect(credit.locator('ul').isVisible()).resolves.toBe(true);
        await credit.scrollIntoViewIfNeeded();
        await shot('section-credit');

        await page.locator('.byline a.history-link').click();
        expect(new URL(page.url()).pathname).toMatch(/\/history\/$/);
        await expect(page.locator('h1.page-title').textContent()).resolves.toMatch(/^History of /);
        const revisions = page.locator('li.revision');
        expect(await revisions.count()).toBeGreaterThan(1);
        // The newest diff is open; an older one opens on a click.
        await expect(revisions.first().locator('table.diff').isVisible()).resolves.toBe(true);
        const older = revisions.nth(1);
        await expect(older.locator('table.diff').isVisible()).resolves.toBe(false);
        await older.locator('summary').click();
        await expect(older.locator('table.diff').isVisible()).resolves.toBe(true);
        await expect(page.locator('table.diff tr.diff-added').count()).resolves.toBeGreaterThan(0);
        await noSidewaysScroll(page);
        await shot('history');
        await older.locator('table.diff').scrollIntoViewIfNeeded();
        await shot('diff');

        const author = revisions.first().locator('.revision-head .person-ref a').first();
        const authorName = await author.textContent();
        await author.click();
        expect(new URL(page.url()).pathname).toMatch(/\/people\/[^/]+\/$/);
        await expect(page.locator('h1.page-title').textContent()).resolves.toBe(authorName);
        await expect(page.locator('.activity-chart svg[role="img"] title').first().textContent()).resolves.toMatch(/^Contributions by /);
        await expect(page.locator('.activity-chart svg').isVisible()).resolves.toBe(true);
        await noSidewaysScroll(page);
        await shot('person');
        await context.close();
      });
    }
  }

  it('lists people and recent changes, each linking onwards', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(new URL('people/', siteUrl).href);
    expect(await page.locator('.person-card').count()).toBeGreaterThan(2);
    await page.goto(new URL('recent/', siteUrl).href);
    const first = page.locator('.recent-list li').first();
    await first.locator('a', { hasText: 'diff' }).click();
    await page.waitForURL(/\/history\/(\d+\/)?#r-/);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).hash).toMatch(/^#r-[0-9a-f]{7}$/);
    await expect(page.locator('li.revision:target').count()).resolves.toBe(1);
    await page.goto(new URL('platform-engineering/', siteUrl).href);
    await expect(page.locator('#risk-title').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/attribution-community-desktop-light.png`, fullPage: true });
    await page.close();
  });
});
