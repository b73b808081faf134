// The outline cache answers what outline.ts would, keeps only what a run read, believes only files it sealed, and reads ahead on worker threads.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutlineCache } from '../../src/lib/outline-cache-fs.ts';
import { outlinesInWorkers, POOL_THRESHOLD } from '../../src/lib/content/outline-pool-fs.ts';
import { MarkdownSyntaxError, outlineOf } from '../../src/lib/content/outline.ts';
import { outlineText } from '../../src/lib/content/pages.ts';

const page = (n: number) => `---\ntitle: Page ${n}\n---\n# Page ${n}\n\nSee [[page-${n + 1}]] and [the runbook](../ops/run-${n}.md#step-${n}).\n\n## Step ${n}\n\n<a name="here-${n}"></a> ${'word '.repeat(n % 7)}\n`;
const cacheFile = (dir: string) => path.join(dir, readdirSync(dir).find((f) => f.startsWith('outlines-'))!);

describe('outline cache', () => {
  it('gives what outlineOf gives, from the cache on the next run, and reads a changed page afresh', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-outlines-'));
    const texts = [1, 2, 3].map((n) => outlineText(page(n), 'md'));
    const first = openOutlineCache(dir);
    for (const text of texts) expect(first.outlineOf(text, 'md')).toEqual(outlineOf(text, 'md'));
    expect(first.stats()).toEqual({ hits: 0, misses: 3 });
    expect(first.save()).toBeUndefined();

    const second = openOutlineCache(dir);
    for (const text of texts) expect(second.outlineOf(text, 'md')).toEqual(outlineOf(text, 'md'));
    const edited = outlineText(page(3).replace('## Step 3', '## Step three'), 'md');
    expect(second.outlineOf(edited, 'md').headings.map((h) => h.slug)).toEqual(['page-3', 'step-three']);
    expect(second.stats()).toEqual({ hits: 3, misses: 1 });
    // The same text as .mdx is another outline.
    expect(second.outlineOf(texts[0]!, 'mdx')).toEqual(outlineOf(texts[0]!, 'mdx'));
    expect(second.stats().misses).toBe(2);
  });

  it('keeps only the outlines a run read, and hands out copies the model may change', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-outlines-'));
    const first = openOutlineCache(dir);
    for (const n of [1, 2, 3]) first.outlineOf(outlineText(page(n), 'md'), 'md');
    first.save();
    const second = openOutlineCache(dir);
    const kept = second.outlineOf(outlineText(page(1), 'md'), 'md');
    kept.headings.push({ depth: 2, text: 'Added', slug: 'added', line: 9 });
    expect(second.outlineOf(outlineText(page(1), 'md'), 'md').headings).toHaveLength(2);
    second.save();
    expect(Object.keys(JSON.parse(readFileSync(cacheFile(dir), 'utf8').split('\n').slice(1).join('\n')) as object)).toHaveLength(1);
  });

  it('believes no file it did not seal, and never stores a page that does not parse', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-outlines-'));
    const text = outlineText(page(1), 'md');
    const first = openOutlineCache(dir);
    first.outlineOf(text, 'md');
    first.save();
    // A forged outline under the right key, with the seal of another text.
    const [mac, body] = readFileSync(cacheFile(dir), 'utf8').split('\n');
    writeFileSync(cacheFile(dir), `${mac}\n${body!.replace('page-2', 'forged')}`);
    const second = openOutlineCache(dir);
    expect(second.outlineOf(text, 'md').links[0]!.target).toBe('page-2');
    expect(second.stats()).toEqual({ hits: 0, misses: 1 });

    const broken = '# Calc\n\n{1 +}\n';
    expect(() => second.outlineOf(broken, 'mdx')).toThrow(MarkdownSyntaxError);
    second.save();
    expect(() => openOutlineCache(dir).outlineOf(broken, 'mdx')).toThrow(MarkdownSyntaxError);
  });
});

describe('outlines read ahead on worker threads', () => {
  const texts = Array.from({ length: POOL_THRESHOLD + 6 }, (_, n) => outlineText(page(n), 'md'));

  it('reads what outlineOf reads, in order, null where a page does not parse', async () => {
    const jobs = [...texts.map((text) => ({ text, format: 'md' as const })), { text: '# Calc\n\n{1 +}\n', format: 'mdx' as const }];
    const outlines = await outlinesInWorkers(jobs, 2);
    expect(outlines).toHaveLength(jobs.length);
    expect(outlines!.slice(0, -1)).toEqual(texts.map((text) => outlineOf(text, 'md')));
    expect(outlines!.at(-1)).toBeNull();
    // On one core, or for a few pages, the caller reads them in place.
    expect(await outlinesInWorkers(jobs, 1)).toBeUndefined();
    expect(await outlinesInWorkers(jobs.slice(0, POOL_THRESHOLD - 1), 2)).toBeUndefined();
  });

  it('serves the outlines read ahead, and stores them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-outlines-'));
    const cache = openOutlineCache(dir);
    await cache.readAhead(texts.map((_, n) => ({ path: `ops/page-${n}.md`, source: page(n) })));
    for (const [n, text] of texts.entries()) expect(cache.outlineOf(text, 'md'), `page ${n}`).toEqual(outlineOf(text, 'md'));
    cache.save();
    const next = openOutlineCache(dir);
    for (const text of texts) next.outlineOf(text, 'md');
    expect(next.stats()).toEqual({ hits: texts.length, misses: 0 });
  });
});
