// Test helper: writes a fixture wiki into a temp folder and builds it with the project's real Astro build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltSite {
  root: string;
  outDir: string;
  status: number | null;
  output: string;
  html: (urlPath: string) => string;
  exists: (urlPath: string) => boolean;
}

export function writeFixture(files: Record<string, string | Uint8Array>, prefix = 'wiki-fixture-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** The build log's line when every internal link of the built site lands (src/integration/built-links-fs.ts). */
const LINK_CHECK_DONE = /internal links: \d+ in \d+ HTML files checked in \d+ ms, /;

/** Builds the fixture at `root` (its wiki.config.yml and content/) into root/dist; `base` must match its config. */
export function buildSite(root: string, options: { base?: string; env?: Record<string, string> } = {}): BuiltSite {
  const base = options.base ?? '/';
  const outDir = path.join(root, 'dist');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, WIKI_ROOT: root, WIKI_OUT_DIR: outDir, WIKI_CACHE_DIR: path.join(root, '.cache'), WIKI_TODAY: '2026-11-22', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const fileFor = (urlPath: string) => {
    // URLs carry the base path; the files under outDir do not.
    const clean = decodeURIComponent(urlPath.startsWith(base) ? urlPath.slice(base.length) : urlPath.replace(/^\//, ''));
    return path.join(outDir, clean.endsWith('/') || clean === '' ? path.join(clean, 'index.html') : clean);
  };
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  // Every build a test runs checks that no internal link of its output dangles (a dangling one stops it);
  // a build that passed without that check would let a test pass over links to nothing.
  if (result.status === 0 && !LINK_CHECK_DONE.test(output)) throw new Error(`the build passed without checking its links:\n${output.slice(-2000)}`);
  return {
    root,
    outDir,
    status: result.status,
    output,
    html: (urlPath) => readFileSync(fileFor(urlPath), 'utf8'),
    exists: (urlPath) => existsSync(fileFor(urlPath)),
  };
}
