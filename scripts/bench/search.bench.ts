// Runs in Node: search at scale. Builds a synthetic wiki (10,000 pages by default), times the Pagefind index,
// and counts the bytes real Chromium downloads for a first and a second query, against a peer index without facets.
//   npm run bench -- search [-- --pages 10000 --runs 3 --dir /tmp/wiki-bench]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildSearchIndex } from '../../src/integration/search-index-fs.ts';
import { launchBrowser } from '../../tests/e2e/browser.ts';
import { serveStatic } from '../../tests/e2e/static-server.ts';
import { writeSyntheticWiki } from './synthetic-pages.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Words of the sample wiki; how many synthetic pages hold each is printed with the results. */
const QUERIES = ['postgres', 'deploy'] as const;

/** Pages whose Markdown holds the word: how common the benchmark's queries are in the synthetic wiki. */
function pagesWith(root: string, word: string): number {
  const pattern = new RegExp(`\\b${word}\\b`, 'i');
  let n = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const f = path.join(d, name);
      if (statSync(f).isDirectory()) walk(f);
      else if (name.endsWith('.md') && pattern.test(readFileSync(f, 'utf8'))) n++;
    }
  };
  walk(path.join(root, 'content'));
  return n;
}

interface Options {
  pages: number;
  runs: number;
  dir: string;
  /** Reuse the wiki already built in dir (skips generating and the Astro build). */
  reuse: boolean;
}

function parse(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const pages = Number(value('pages') ?? 10_000);
  return { pages, runs: Number(value('runs') ?? 3), dir: value('dir') ?? path.join(tmpdir(), `wiki-bench-search-${pages}`), reuse: args.includes('--reuse') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The whole `astro build` of the synthetic wiki, the search index included; GNU time gives its peak memory. */
function astroBuild(root: string, outDir: string): { ms: number; indexLine: string; peakMb?: number } {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = timed ? ['-f', 'PEAK_RSS_KB %M', process.execPath, astro, 'build'] : [astro, 'build'];
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    env: { ...process.env, WIKI_ROOT: root, WIKI_OUT_DIR: outDir, WIKI_CACHE_DIR: path.join(root, '.cache'), ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=8192' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`astro build failed:\n${output.slice(-4000)}`);
  const peak = /PEAK_RSS_KB (\d+)/.exec(output)?.[1];
  return { ms, indexLine: /search index: .*/.exec(output)?.[0] ?? '(no index line)', ...(peak ? { peakMb: Math.round(Number(peak) / 1024) } : {}) };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') out.push(...htmlFiles(file));
    } else if (name.endsWith('.html')) out.push(file);
  }
  return out;
}

/** The peer: the same site with no filters, metadata or sort keys, so only what facets cost differs. */
function writePeerSite(outDir: string, peerDir: string): void {
  rmSync(peerDir, { recursive: true, force: true });
  const bundle = path.join(outDir, 'pagefind');
  cpSync(outDir, peerDir, { recursive: true, filter: (src) => src !== bundle });
  for (const file of htmlFiles(peerDir)) {
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<meta data-pagefind-(filter|meta|sort)="[^"]*" content="[^"]*">/g, ''));
  }
}

interface Download {
  bytes: number;
  /** As a host compressing JavaScript and JSON would send it (Pagefind's index files are gzip already). */
  compressed: number;
  files: Record<string, number>;
}

/** Counts what the page fetches under /pagefind/ until the network has been quiet a moment. */
function recorder(page: Page) {
  let pending = 0;
  let current: Download = { bytes: 0, compressed: 0, files: {} };
  const work: Promise<void>[] = [];
  page.on('request', (r) => r.url().includes('/pagefind/') && pending++);
  page.on('requestfailed', (r) => r.url().includes('/pagefind/') && pending--);
  page.on('requestfinished', (request) => {
    if (!request.url().includes('/pagefind/')) return;
    work.push(
      (async () => {
        const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
        const name = new URL(request.url()).pathname.replace(/^.*\/pagefind\//, '');
        const kind = name.includes('/') ? name.split('/')[0]! : name.replace(/\.[a-z0-9_]+\.pf_meta$/, '.pf_meta');
        current.bytes += body.length;
        current.compressed += /\.(js|json)$/.test(name) ? gzipSync(body).length : body.length;
        current.files[kind] = (current.files[kind] ?? 0) + body.length;
        pending--;
      })(),
    );
  });
  return {
    async take(): Promise<Download> {
      for (let quiet = 0; quiet < 5; ) {
        await page.waitForTimeout(100);
        quiet = pending === 0 ? quiet + 1 : 0;
      }
      await Promise.all(work);
      const taken = current;
      current = { bytes: 0, compressed: 0, files: {} };
      return taken;
    },
  };
}

/** A reader on a page: "/" then a query in the header box, then a second query; a fresh browser cache each time. */
async function headerBoxQueries(browser: Browser, url: string): Promise<[Download, Download]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = recorder(page);
  await page.goto(url);
  await record.take(); // nothing is fetched from /pagefind/ before the reader starts searching
  const ask = async (query: string) => {
    await page.locator('#site-search-input').fill('');
    await page.locator('#site-search-input').focus();
    // A quick typist: 60 ms a key, under the box's pause before it searches.
    await page.keyboard.type(query, { delay: 60 });
    await page.waitForFunction((q) => {
      const href = document.querySelector('#site-search-results .search-all a')?.getAttribute('href');
      return href ? new URL(href, location.href).searchParams.get('q') === q : false;
    }, query, { timeout: 60_000 });
    return record.take();
  };
  const first = await ask(QUERIES[0]);
  const second = await ask(QUERIES[1]);
  await context.close();
  return [first, second];
}

/** A shared link to the results page: the query plus every filter list. */
async function resultsPageQuery(browser: Browser, url: string): Promise<Download> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = recorder(page);
  await page.goto(url);
  await page.locator('.search-results .search-result').first().waitFor({ timeout: 60_000 });
  const download = await record.take();
  await context.close();
  return download;
}

export default async function run(args: string[]): Promise<void> {
  const options = parse(args);
  const root = path.join(options.dir, 'wiki');
  const outDir = path.join(options.dir, 'site');
  const peerDir = path.join(options.dir, 'site-peer');
  console.log(`search benchmark: ${options.pages} pages, ${options.runs} runs, in ${options.dir}`);

  if (!options.reuse || !existsSync(path.join(outDir, 'pagefind'))) {
    rmSync(options.dir, { recursive: true, force: true });
    mkdirSync(options.dir, { recursive: true });
    const started = performance.now();
    const wiki = writeSyntheticWiki(root, { pages: options.pages, corpusDir: path.join(projectRoot, 'content'), seed: 42 });
    console.log(`generated ${wiki.pages} pages, ${wiki.words} words (${(wiki.bytes / 1e6).toFixed(1)} MB of Markdown) in ${s(performance.now() - started)}`);
    const build = astroBuild(root, outDir);
    console.log(`astro build (NODE_OPTIONS=--max-old-space-size=8192): ${s(build.ms)}${build.peakMb ? `, peak RSS ${build.peakMb} MB` : ''}; ${build.indexLine}`);
    writePeerSite(outDir, peerDir);
  }

  console.log(`queries: ${QUERIES.map((q) => `"${q}" is in ${pagesWith(root, q)} pages`).join(', ')}`);

  // Index build on the written HTML, ours and the peer's in turns, so both see the same machine state.
  const ours: number[] = [];
  const peer: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    ours.push((await buildSearchIndex(outDir)).ms);
    peer.push((await buildSearchIndex(peerDir)).ms);
  }
  console.log(`\nPagefind index build (Node API on the built HTML), median of ${options.runs}:`);
  console.log(`  with facets   ${s(median(ours))}   runs: ${ours.map(s).join(', ')}`);
  console.log(`  peer, none    ${s(median(peer))}   runs: ${peer.map(s).join(', ')}   (ratio ${(median(ours) / median(peer)).toFixed(2)})`);

  const browser = await launchBrowser();
  try {
    for (const [label, dir] of [['with facets', outDir], ['peer, no facets', peerDir]] as const) {
      const server = await serveStatic(dir);
      try {
        const firsts: Download[] = [];
        const seconds: Download[] = [];
        const pages: Download[] = [];
        for (let r = 0; r < options.runs; r++) {
          const [first, second] = await headerBoxQueries(browser, new URL('community-00/topic-00/page-0/', server.url).href);
          firsts.push(first);
          seconds.push(second);
          pages.push(await resultsPageQuery(browser, new URL(`search/?q=${QUERIES[0]}`, server.url).href));
        }
        const pick = (xs: Download[]) => xs.find((x) => x.bytes === median(xs.map((y) => y.bytes)))!;
        const first = pick(firsts);
        console.log(`\nBytes downloaded from /pagefind/ (${label}), median of ${options.runs}:`);
        console.log(`  first query "${QUERIES[0]}" (header box)  ${kb(first.bytes)} as served, ${kb(pick(firsts).compressed)} with JS/JSON compressed`);
        console.log(`    ${Object.entries(first.files).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
        console.log(`  second query "${QUERIES[1]}"              ${kb(pick(seconds).bytes)}   ${Object.entries(pick(seconds).files).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
        console.log(`  results page /search/?q=${QUERIES[0]}      ${kb(pick(pages).bytes)} as served, ${kb(pick(pages).compressed)} compressed (filter lists included)`);
        console.log(`    ${Object.entries(pick(pages).files).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  const bundle = (dir: string) => {
    let total = 0;
    let files = 0;
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const f = path.join(d, name);
        if (statSync(f).isDirectory()) walk(f);
        else (total += statSync(f).size), files++;
      }
    };
    walk(path.join(dir, 'pagefind'));
    return `${files} files, ${(total / 1e6).toFixed(1)} MB`;
  };
  console.log(`\nIndex on disk: with facets ${bundle(outDir)}; peer ${bundle(peerDir)}`);
  console.log('Budget (DESIGN.md): first query at most 300 KB.');
}
