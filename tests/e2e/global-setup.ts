// Browser tests' setup: checks for Chromium, builds the bundled sample wiki once into a temp folder, serves it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { assertBrowserInstalled } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { projectRoot } from '../helpers/build-site.ts';

export default async function setup(project: TestProject) {
  assertBrowserInstalled();
  const workDir = mkdtempSync(path.join(tmpdir(), 'wiki-e2e-'));
  // The cache must not live inside the output folder: Astro empties that folder while it builds.
  const outDir = path.join(workDir, 'site');
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, WIKI_OUT_DIR: outDir, WIKI_CACHE_DIR: path.join(workDir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the sample wiki failed:\n${build.stdout}${build.stderr}`);
  const server = await serveStatic(outDir);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
