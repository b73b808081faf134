// Checks the built-link check's cache: what it gives back equals what parsing gives, and a stale, damaged or foreign cache gives nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBuiltPage } from '../../src/lib/site/built-page-links.ts';
import { BUILT_LINKS_CACHE_VERSION, cachedPage, readBuiltLinksCache, writeBuiltLinksCache } from '../../src/lib/site/built-links-cache.ts';
import { readBuiltPages } from '../../src/integration/built-links-fs.ts';
import { loadBuiltLinksCache, saveBuiltLinksCache } from '../../src/integration/built-links-cache-fs.ts';

const html = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const pages = {
  plain: readBuiltPage(html('<h2 id="a">A</h2><a name="old">x</a><a href="/ops/#a">ops</a><img src="pic.png">')),
  based: readBuiltPage(html('<a href="x/">x</a>', '<base href="/docs/">')),
  authored: readBuiltPage(html('<div data-wiki-content><a href="../up/">up</a></div>')),
};

describe('built-link cache', () => {
  it('gives back each page as parsing gave it', () => {
    const cache = readBuiltLinksCache(writeBuiltLinksCache(new Map(Object.entries(pages))));
    for (const [hash, page] of Object.entries(pages)) expect(cachedPage(cache, hash)).toEqual(page);
    expect(pages.based.baseHref).toBe('/docs/');
    expect(pages.plain.links.length).toBeGreaterThan(0);
  });

  it('keeps only the pages it is given, so pages no longer built drop out', () => {
    const first = readBuiltLinksCache(writeBuiltLinksCache(new Map(Object.entries(pages))));
    const second = readBuiltLinksCache(writeBuiltLinksCache(new Map([['plain', cachedPage(first, 'plain')!]])));
    expect([...second.keys()]).toEqual(['plain']);
  });

  it('ignores a cache of another version, a damaged file and entries of the wrong shape', () => {
    const text = writeBuiltLinksCache(new Map(Object.entries(pages)));
    expect(readBuiltLinksCache(text.replace(`"version":${BUILT_LINKS_CACHE_VERSION}`, `"version":${BUILT_LINKS_CACHE_VERSION + 1}`)).size).toBe(0);
    expect(readBuiltLinksCache(text.slice(0, text.length / 2)).size).toBe(0);
    expect(readBuiltLinksCache('null').size).toBe(0);
    expect(readBuiltLinksCache(undefined).size).toBe(0);
    const odd = readBuiltLinksCache(JSON.stringify({ version: BUILT_LINKS_CACHE_VERSION, pages: { a: [[['/x/', 'a href', 2]], []], b: [[], [1]], c: 'x', d: [[], [], 5] } }));
    for (const hash of ['a', 'b', 'c', 'd']) expect(cachedPage(odd, hash)).toBeUndefined();
  });
});

describe('reading a build folder through the cache', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('parses only the pages whose bytes changed since the cached build, with the same result', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'built-links-cache-'));
    const out = path.join(dir, 'dist');
    const cacheDir = path.join(dir, 'cache');
    const write = (file: string, text: string) => writeFileSync(path.join(out, file), text);
    mkdirSync(path.join(out, 'ops'), { recursive: true });
    write('index.html', html('<a href="/ops/">ops</a>'));
    write('ops/index.html', html('<a href="/">home</a><h2 id="x">X</h2>'));
    const cold = await readBuiltPages(out, loadBuiltLinksCache(cacheDir));
    expect(cold.parsed).toBe(2);
    expect(saveBuiltLinksCache(cacheDir, cold.byHash)).toBeUndefined();
    write('ops/index.html', html('<a href="/">home</a><h2 id="y">Y</h2>'));
    const warm = await readBuiltPages(out, loadBuiltLinksCache(cacheDir));
    expect(warm.parsed).toBe(1);
    expect(warm.pages.get('ops/index.html')!.anchors).toEqual(new Set(['y']));
    expect(warm.pages.get('index.html')).toEqual(cold.pages.get('index.html'));
    writeFileSync(path.join(cacheDir, 'cop-wiki-built-links.json'), '{"version":');
    expect((await readBuiltPages(out, loadBuiltLinksCache(cacheDir))).parsed).toBe(2);
    expect(readFileSync(path.join(cacheDir, 'cop-wiki-built-links.json'), 'utf8')).toBe('{"version":');
  });
});
