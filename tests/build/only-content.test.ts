// Builds a docs folder as repositories hold one (package files, lock files, CI, vendored code, a built copy) and checks only content is published, every other file listed once at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

export const HANDBOOK = {
  'wiki.config.yml': 'title: Handbook\ncontent: handbook\nexclude: ["docs/_site", "**/build"]\n',
  'handbook/README.md': '# Handbook\n\n![logo](images/logo.png)\n',
  'handbook/package.json': '{ "name": "handbook", "private": true }\n',
  'handbook/yarn.lock': '# yarn lockfile v1\n',
  'handbook/tsconfig.json': '{}\n',
  'handbook/.eslintrc.json': '{}\n',
  'handbook/.github/workflows/ci.json': '{ "on": "push" }\n',
  'handbook/.github/README.md': '# Not a page\n',
  'handbook/vendor/lib/README.md': '# A vendored library\n',
  'handbook/vendor/lib/data.json': '{}\n',
  'handbook/docs/guide.md': '# Guide\n',
  'handbook/docs/_site/guide/index.md': '# A built copy\n',
  'handbook/ops/README.md': '# Ops\n',
  'handbook/ops/numbers.json': '{ "uptime": 0.999 }\n',
  'handbook/ops/build/out.md': '# Build output\n',
  'handbook/design/community.yml': 'name: Design\n',
  'handbook/images/logo.png': PNG,
  'handbook/images/unused.png': PNG,
  'handbook/data/table.csv': 'a,b\n1,2\n',
  'handbook/scripts/deploy.sh': 'echo deploy\n',
};

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !/^(_astro|pagefind|feeds)\//.test(f));
}

describe('a docs folder with repository files, vendored code and a built copy', () => {
  let site: BuiltSite;
  let files: string[];
  beforeAll(() => {
    site = buildSite(writeFixture(HANDBOOK));
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
    files = allFiles(site.outDir);
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('publishes pages, linked assets and data beside pages, and nothing of the repository or its tools', () => {
    expect(files).toContain('images/logo.png');
    expect(files).toContain('ops/numbers.json');
    expect(site.exists('/docs/guide/')).toBe(true);
    for (const name of ['package.json', 'yarn.lock', 'tsconfig.json', '.eslintrc.json', 'ci.json', 'data.json', 'unused.png', 'table.csv', 'deploy.sh']) {
      expect(files.filter((f) => f.endsWith(name))).toEqual([]);
    }
  });

  it('leaves out vendor/, dot-folders and the configured folders, pages and all', () => {
    expect(files.filter((f) => /(^|\/)(vendor|_site|build|\.github)\//.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('vendor') || f.startsWith('github'))).toBe(false);
    expect(site.exists('/ops/build/out/')).toBe(false);
  });

  it('makes no community of a folder without pages, and names its community.yml', () => {
    expect(site.exists('/design/')).toBe(false);
    expect(site.exists('/images/')).toBe(false);
    expect(site.html('/')).not.toMatch(/>Design<|>Images</);
    expect(site.output).toContain('handbook/design/community.yml:1: warning: its folder has no pages, so it is not a community');
  });

  it('lists every file left out at the end, grouped by reason with counts and the first paths', () => {
    const out = site.output;
    expect(out).toMatch(/4 folders and 7 files in the content folder not published \(each with its reason: `npm run wiki -- check`, or build with --verbose\):/);
    expect(out).toContain('3 a file of the repository or its tools (package manifest, lock file, tool config, CI), not content: handbook/package.json, handbook/tsconfig.json, handbook/yarn.lock');
    expect(out).toContain('2 hidden: its name starts with a dot: handbook/.eslintrc.json, handbook/.github/');
    expect(out).toContain('1 in a folder that is not content (exclude: "vendor"): handbook/vendor/');
    expect(out).toContain('1 in a folder that is not content (exclude: "docs/_site"): handbook/docs/_site/');
    expect(out).toContain('1 in a folder that is not content (exclude: "**/build"): handbook/ops/build/');
    expect(out).toMatch(/2 not linked from any page, and no page is in its folder: handbook\/(data\/table\.csv, handbook\/images\/unused\.png|images\/unused\.png, handbook\/data\/table\.csv)/);
    expect(out).toContain('1 .sh files are programs or macro documents');
    // Listed at the end only, not once more as a warning each before the build.
    expect(out).not.toMatch(/handbook\/package\.json: warning/);
  });
});
