// Browser tests: searching the sample wiki from the header box and the shareable results page.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');

describe('searching the sample wiki', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('finds the expected page first from the header box, with "/" to focus and arrows to choose', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('using-the-wiki/', siteUrl).href);
    await page.keyboard.press('/');
    await page.keyboard.type('postgres index');
    const first = page.locator('.search-popover .search-result').first();
    await first.waitFor();
    await expect(first.locator('.result-title').textContent()).resolves.toBe('Index tuning for Postgres');
    await expect(first.locator('.result-community').textContent()).resolves.toBe('Platform engineering');
    await expect(first.locator('.result-excerpt mark').count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/platform-engineering\/postgres\/index-tuning\//);
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Index tuning for Postgres');
    await page.close();
  });

  it('focuses the box with Ctrl+K and falls back to the results page on Enter', async () => {
    page = await browser.newPage();
    await page.goto(siteUrl);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('backups');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=backups/);
    await page.locator('.search-results .search-result').first().waitFor();
    await page.close();
  });

  it('filters by community and tag, keeps the search in a shareable URL, and follows a result', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('search/?q=backup', siteUrl).href);
    await page.locator('.search-results .search-result').first().waitFor();
    const before = await page.locator('.search-results .result-community').allTextContents();
    expect(new Set(before).size).toBeGreaterThan(1);
    await page.locator('.filter-group[data-filter="community"] input[value="Platform engineering"]').check();
    await expect.poll(async () => new Set(await page.locator('.search-results .result-community').allTextContents())).toEqual(new Set(['Platform engineering']));
    expect(new URL(page.url()).search).toBe('?q=backup&community=Platform+engineering');
    await page.locator('.filter-group[data-filter="tag"] input[value="postgres"]').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=backup&community=Platform+engineering&tag=postgres');
    const shared = page.url();
    const filtered = await page.locator('.search-results .result-title').allTextContents();

    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(shared);
    await other.locator('.search-results .search-result').first().waitFor();
    await expect(other.locator('.search-results .result-title').allTextContents()).resolves.toEqual(filtered);
    await expect(other.locator('.filter-group[data-filter="community"] input[value="Platform engineering"]').isChecked()).resolves.toBe(true);
    await expect(other.locator('#search-page-input').inputValue()).resolves.toBe('backup');
    const result = other.locator('.search-results .search-result a').first();
    const href = await result.getAttribute('href');
    await result.click();
    await other.waitForURL((url) => url.pathname === href);
    await other.close();
    await page.close();
  });

  it('finds the French page through its own stemming', async () => {
    page = await browser.newPage();
    await page.goto(new URL('search/?q=sauvegardes', siteUrl).href);
    await page.locator('.search-results .search-result').first().waitFor();
    await expect(page.locator('.search-results .result-title').allTextContents()).resolves.toContain('Sauvegardes Postgres');
    await page.close();
  });
});
