// Runs in Node: keeps page outlines on disk by a hash of the text they were read from, so a run reparses only the pages that changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSealed, readSealKey, seal, sealKeyFor } from './history/cache-seal-fs.ts';
import { outlineOf, type Outline } from './content/outline.ts';
import { outlinesInWorkers } from './content/outline-pool-fs.ts';
import { parseableOutlineText } from './content/pages.ts';
import { pageFormatOf, type PageFormat } from './content/page-rule.ts';

export interface OutlineCache {
  /** outline.ts `outlineOf`, answered from the cache when the same text was read before. */
  outlineOf: (text: string, format: PageFormat) => Outline;
  /** Reads ahead, on worker threads, the outlines of the pages the cache does not hold, so `outlineOf` finds them. */
  readAhead: (pages: readonly { path: string; source: string }[]) => Promise<void>;
  /** Writes what this run read (and only that, so pages that are gone leave it); a warning when it could not. */
  save: () => string | undefined;
  /** Outlines answered from the cache and read afresh so far. */
  stats: () => { hits: number; misses: number };
}

const PREFIX = 'outlines-';
const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'content');

/**
 * What an outline depends on besides its text: the code that reads it (src/lib/content) and the parser's packages
 * (the lockfile). Any change to either names another cache file, so no outline outlives the code that read it.
 */
function readerVersion(): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(here).filter((f) => f.endsWith('.ts')).sort()) hash.update(name).update('\0').update(readFileSync(path.join(here, name))).update('\0');
  for (const file of ['../../../package-lock.json', '../../../package.json']) {
    try {
      hash.update(readFileSync(path.join(here, file)));
      break;
    } catch {
      // No lockfile: the manifest names the versions.
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const keyOf = (text: string, format: PageFormat) => createHash('sha1').update(format).update('\0').update(text).digest('base64url');

/** The sealed outlines in `file`; empty when it is missing, unsealed (written elsewhere) or unreadable. */
function readOutlines(cacheDir: string, file: string): Map<string, Outline> {
  const key = readSealKey(cacheDir);
  if (!key) return new Map();
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    if (newline === -1 || !isSealed(key, body, text.slice(0, newline))) return new Map();
    return new Map(Object.entries(JSON.parse(body) as Record<string, Outline>));
  } catch {
    return new Map();
  }
}

/**
 * The outline cache in `cacheDir` (a folder git does not track: the caller checks, as for the history cache);
 * without a folder it lives for this run only, and still reads ahead.
 */
export function openOutlineCache(cacheDir?: string): OutlineCache {
  const file = cacheDir && path.join(cacheDir, `${PREFIX}${readerVersion()}.json`);
  const stored = cacheDir && file ? readOutlines(cacheDir, file) : new Map<string, Outline>();
  /** Read ahead this run, not yet asked for. */
  const ahead = new Map<string, Outline>();
  const used = new Map<string, Outline>();
  let hits = 0;
  let misses = 0;
  return {
    outlineOf(text, format) {
      const key = keyOf(text, format);
      const known = used.get(key) ?? stored.get(key);
      if (known) {
        hits++;
        used.set(key, known);
        // A copy: the model may change what it is given, and the next page with this text must not see it.
        return structuredClone(known);
      }
      misses++;
      // A text that cannot be parsed throws here every time, and is never stored.
      const outline = ahead.get(key) ?? outlineOf(text, format);
      ahead.delete(key);
      used.set(key, structuredClone(outline));
      return outline;
    },
    async readAhead(pages) {
      const jobs = new Map<string, { text: string; format: PageFormat }>();
      for (const page of pages) {
        const format = pageFormatOf(page.path) ?? 'md';
        const text = parseableOutlineText(page.source, format);
        if (text === undefined) continue;
        const key = keyOf(text, format);
        if (!stored.has(key) && !ahead.has(key)) jobs.set(key, { text, format });
      }
      let outlines;
      try {
        outlines = await outlinesInWorkers([...jobs.values()]);
      } catch {
        // A worker that failed (out of memory, say) leaves its pages to be read in place, as without workers.
        return;
      }
      if (!outlines) return;
      [...jobs.keys()].forEach((key, i) => {
        if (outlines[i]) ahead.set(key, outlines[i]);
      });
    },
    save() {
      if (!cacheDir || !file || (misses === 0 && used.size === stored.size)) return undefined;
      try {
        const body = JSON.stringify(Object.fromEntries(used));
        const sealed = `${seal(sealKeyFor(cacheDir), body)}\n${body}`;
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, sealed);
        renameSync(tmp, file);
        // Outlines read by older code are never read again.
        for (const old of readdirSync(cacheDir)) if (old.startsWith(PREFIX) && old.endsWith('.json') && path.join(cacheDir, old) !== file) rmSync(path.join(cacheDir, old), { force: true });
        return undefined;
      } catch (error) {
        return `the outline cache could not be written to ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
    stats: () => ({ hits, misses }),
  };
}
