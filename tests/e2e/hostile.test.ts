// Browser tests: the hostile corpus built into a site, and every published file opened in Chromium; nothing from content may run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { contentTypeOf, serveStatic } from './static-server.ts';
import { buildHostileWiki, fateViolations, filesUnder, leakedFiles, type HostileBuild } from '../helpers/hostile-build.ts';
import { SEARCH_WORD } from '../fixtures/hostile-wiki.ts';

/** One thing that ran: a hooked sink, a dialog that got past the hooks, or a service worker left behind. */
interface Execution {
  sink: string;
  args: string[];
  url: string;
  during?: string;
}

/**
 * Runs before any script of every document (pages, SVG and XML documents, iframes): replaces the dialog
 * functions, which the site itself never calls, with recorders. Every hostile payload calls `alert('pwn:…')`.
 */
const HOOKS = `(() => {
  const report = (sink, args) => {
    const entry = { sink, args: Array.from(args, (a) => { try { return String(a); } catch { return '?'; } }), url: String(location.href) };
    try { window.__hostileReport(entry); } catch {}
    try { console.log('__hostile__' + JSON.stringify(entry)); } catch {}
  };
  const answers = { alert: undefined, confirm: false, prompt: null, print: undefined };
  for (const name of Object.keys(answers)) {
    const hook = function () { report(name, arguments); return answers[name]; };
    try { Object.defineProperty(window, name, { value: hook, writable: false, configurable: false }); } catch {}
  }
  try { Object.defineProperty(window, '__pwn', { value: function () { report('__pwn', arguments); } }); } catch {}
})();`;

/** Event types dispatched on every element, beside each element's own on… attributes. */
const EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave', 'mousemove',
  'pointerdown', 'pointerup', 'pointerover', 'pointerenter', 'focus', 'blur', 'focusin', 'focusout', 'load', 'error', 'abort', 'toggle',
  'beforetoggle', 'animationstart', 'animationend', 'animationiteration', 'transitionend', 'transitionrun', 'keydown', 'keyup', 'keypress',
  'input', 'beforeinput', 'change', 'submit', 'reset', 'invalid', 'select', 'search', 'scroll', 'scrollend', 'wheel', 'copy', 'cut', 'paste',
  'drag', 'dragstart', 'dragend', 'dragover', 'drop', 'play', 'playing', 'pause', 'canplay', 'loadstart', 'loadeddata', 'loadedmetadata',
  'begin', 'end', 'repeat', 'beginEvent', 'endEvent', 'SVGLoad', 'activate', 'show', 'close', 'cancel', 'message', 'hashchange', 'pageshow',
  'popstate', 'resize', 'beforeprint', 'afterprint', 'touchstart', 'touchend',
];

/** In the page: every on… handler and listener gets its event; navigations they would start are cancelled. */
function dispatchEverything(events: string[]): number {
  const stop = (e: Event) => {
    if (!e.isTrusted) e.preventDefault();
  };
  window.addEventListener('click', stop, true);
  window.addEventListener('submit', stop, true);
  const init = { bubbles: false, cancelable: true };
  // Typed events, so the site's own listeners (which read e.key and the like) see what they expect.
  const eventOf = (type: string): Event =>
    /^key/.test(type) ? new KeyboardEvent(type, { ...init, key: 'Unidentified' })
    : /^pointer/.test(type) ? new PointerEvent(type, init)
    : /^(mouse|click|dblclick|auxclick|contextmenu)/.test(type) ? new MouseEvent(type, { ...init, view: window })
    : /^(focus|blur)/.test(type) ? new FocusEvent(type, init)
    : new Event(type, init);
  let count = 0;
  const targets: EventTarget[] = [window, document, ...Array.from(document.querySelectorAll('*'))];
  for (const target of targets) {
    const own = target instanceof Element ? Array.from(target.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name.slice(2)) : [];
    for (const type of new Set([...events, ...own])) {
      try {
        target.dispatchEvent(eventOf(type));
        count++;
      } catch {
        /* a handler threw: what it ran is already recorded */
      }
    }
  }
  window.removeEventListener('click', stop, true);
  window.removeEventListener('submit', stop, true);
  return count;
}

/**
 * In the page: the links whose URL is not http(s), mailto or empty (SVG links included, animated hrefs
 * too); clicks the one at `index`. One click per call: a second navigation would cancel the first.
 */
function hostileLinks(index: number): string[] {
  const XLINK = 'http://www.w3.org/1999/xlink';
  const found: Element[] = [];
  const urls: string[] = [];
  for (const el of Array.from(document.querySelectorAll('a, area'))) {
    const animated = (el as unknown as { href?: unknown }).href;
    const raw =
      animated && typeof animated === 'object' && 'animVal' in animated
        ? String((animated as { animVal: string }).animVal || '')
        : (el.getAttribute('href') ?? el.getAttributeNS(XLINK, 'href') ?? '');
    let protocol = '';
    try {
      protocol = new URL(raw, document.baseURI).protocol;
    } catch {
      protocol = 'invalid:';
    }
    if (!raw.trim() || ['http:', 'https:', 'mailto:'].includes(protocol)) continue;
    found.push(el);
    urls.push(raw);
  }
  found[index]?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  return urls;
}

/** Files a browser would only download (unknown types): they cannot run, and opening them only starts a download. */
const downloadsOnly = (file: string) => contentTypeOf(file) === 'application/octet-stream';
const isDocument = (type: string) => /html|xml|svg/.test(type);

const urlOf = (siteUrl: string, file: string) =>
  new URL(file.replace(/(^|\/)index\.html$/, '$1').split('/').map(encodeURIComponent).join('/'), siteUrl).href;

describe('a wiki written by an attacker', () => {
  let build: HostileBuild;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  const executions: Execution[] = [];
  const pageErrors: string[] = [];
  let during = '';

  beforeAll(async () => {
    build = buildHostileWiki();
    if (build.unexplained) throw new Error(`the hostile wiki did not build, for a reason naming none of its vectors:\n${build.unexplained}`);
    server = await serveStatic(build.site.outDir);
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: false, serviceWorkers: 'allow' });
    await context.exposeBinding('__hostileReport', ({ frame }, entry: Execution) => {
      executions.push({ ...entry, during, url: entry.url || frame.url() });
    });
    await context.addInitScript({ content: HOOKS });
    const watch = (page: Page) => {
      page.on('dialog', (dialog) => {
        executions.push({ sink: `dialog:${dialog.type()} (got past the hooks)`, args: [dialog.message()], url: page.url(), during });
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('pageerror', (error) => pageErrors.push(`${during}: ${error.message}`));
    };
    context.on('page', watch);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('refuses by name what must not be published, and builds the rest', () => {
    expect(fateViolations(build)).toEqual([]);
  });

  it('publishes nothing read from outside the content folder', () => {
    expect(leakedFiles(build.site.outDir)).toEqual([]);
  });

  it('keeps the site\'s own pages: no content file replaces the search page or a page', async () => {
    const page = await context.newPage();
    during = 'own pages';
    await page.goto(new URL('search/?q=' + SEARCH_WORD, server.url).href);
    await page.locator('.search-results .search-result').first().waitFor({ timeout: 15_000 });
    const title = await page.locator('.search-results .result-title').first().textContent();
    // The hostile title comes back as text, its markup shown, not parsed.
    expect(title).toContain(`<img src=x onerror=alert('pwn:fm/title')>`);
    if (build.site.exists('/ops/runbook/')) {
      await page.goto(new URL('ops/runbook/', server.url).href);
      await expect(page.locator('h1').first().textContent()).resolves.toBe('The runbook');
    }
    // The header box searches live, with the same hostile title shown as text.
    await page.goto(server.url);
    await page.locator('#site-search-input').fill(SEARCH_WORD);
    await page.locator('.search-popover [role="option"]').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await page.close();
    expect(executions).toEqual([]);
  }, 60_000);

  it('runs nothing from content when every published page and asset is opened, its links followed and its events fired', async () => {
    const page = await context.newPage();
    const files = filesUnder(build.site.outDir).sort();
    const opened: string[] = [];
    for (const file of files) {
      if (downloadsOnly(file)) continue;
      during = file;
      const url = urlOf(server.url, file);
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
      } catch (error) {
        if (/Download is starting/.test(String(error))) continue;
        pageErrors.push(`${file}: could not open: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      opened.push(file);
      if (!isDocument(contentTypeOf(file))) continue;
      // Give SMIL animations (<set>, <animate>) and lazy frames their first tick.
      await page.waitForTimeout(100);
      await followHostileLinks(page, url);
      for (const frame of page.frames()) await fireEvents(frame);
      await page.waitForTimeout(150);
    }
    // A service worker left behind would now answer for its scope (the content root's sw.js: /general/).
    during = 'after the walk: /general/';
    await page.goto(new URL('general/', server.url).href).catch(() => undefined);
    await page.waitForTimeout(200);
    during = 'after the walk';
    await page.goto(server.url);
    const workers = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
    for (const scope of workers) executions.push({ sink: 'service worker registered', args: [scope], url: scope, during });
    for (const worker of context.serviceWorkers()) executions.push({ sink: 'service worker running', args: [worker.url()], url: worker.url(), during });
    await page.close();
    expect(opened.length).toBeGreaterThan(10);
    const report = executions.map((e) => `${e.during ?? '?'} → ${e.sink}(${e.args.join(', ')}) at ${e.url}`);
    expect(report, `page errors seen:\n${pageErrors.join('\n')}`).toEqual([]);
  }, 240_000);

  /** Clicks each hostile link of the page and of its frames, reloading the page when a click navigated it. */
  async function followHostileLinks(page: Page, url: string): Promise<void> {
    for (let frameIndex = 0; frameIndex < page.frames().length; frameIndex++) {
      const count = (await page.frames()[frameIndex]?.evaluate(hostileLinks, -1).catch(() => []))?.length ?? 0;
      for (let i = 0; i < count; i++) {
        const frame = page.frames()[frameIndex];
        if (!frame) break;
        await frame.evaluate(hostileLinks, i).catch(() => undefined);
        await page.waitForTimeout(120);
        if (page.url() !== url) await page.goto(url, { waitUntil: 'load', timeout: 10_000 }).catch(() => undefined);
      }
    }
  }

  async function fireEvents(frame: Frame): Promise<void> {
    try {
      await frame.evaluate(dispatchEverything, EVENTS);
    } catch (error) {
      // The frame navigated or went away: whatever ran was recorded.
      pageErrors.push(`${during}: firing events in ${frame.url()}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
});
