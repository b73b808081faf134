// Links GitHub resolves from the repository resolve here: root-relative paths reach pages in the content folder and
// files outside it at the forge; paths that climb out of the content folder too; raw HTML <a>/<img>/<source> are
// rewritten and checked like Markdown links. Without `repository`, or outside git, links out of the content are reported.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

const page = [
  '# A', // 1
  '', // 2
  '[deploy](/docs/ops/deploy.md) [guide](/docs/ops/guide/README.md) [home](/docs/)', // 3
  '[script](../../scripts/deploy.sh#L3) [owners](/CODEOWNERS) [sources](/src/) [readme](../../README.md)', // 4
  '[missing](/nope.md) [escape](/../../etc/passwd) [encoded](..%2f..%2f..%2fetc%2fpasswd) [through a link](/etc-link/passwd)', // 5
  '![logo](/images/logo.png) [back in](../../docs/ops/deploy.md)', // 6
  '', // 7
  '<p><a href="deploy.md">Deploy raw</a> <img src="img/diagram.png" alt="Diagram"> <a href="/scripts/deploy.sh">script raw</a></p>', // 8
  '', // 9
  '<p><a href="gone.md">gone raw</a> <img src="nothing.png" alt="Nothing here"> <a href="only-raw.md">only raw</a></p>', // 10
  '', // 11
  '<p><a href="javascript:alert(1)">js</a> <a href="//evil.example/x">evil</a> <a href="/../../../etc/passwd">escape raw</a></p>', // 12
  '', // 13
  '<picture><source srcset="img/diagram.png 2x, missing.png 1x"><img src="img/diagram.png" alt="pic"></picture>', // 14
  '', // 15
  '![logo by reference][logo]', // 16
  '', // 17
  '[logo]: /images/logo.png', // 18
  '',
].join('\n');

const files: Record<string, string> = {
  'docs/ops/a.md': page,
  'docs/ops/deploy.md': '# Deploy\n\nSteps.\n',
  'docs/ops/only-raw.md': '# Only raw\n\nLinked only from raw HTML.\n',
  'docs/ops/guide/README.md': '# Guide\n\nA guide.\n',
  'docs/README.md': '# Handbook\n\nHome.\n',
  'scripts/deploy.sh': 'echo deploy\n',
  CODEOWNERS: '* @org/docs\n',
  'src/main.ts': 'export {};\n',
  'README.md': '# The repository\n',
};

/** A real repository with the wiki's content in docs/ and files beside it. */
function makeRepo(config: string | undefined): TestRepo {
  const repo = TestRepo.create('wiki-repo-links-');
  for (const [file, bytes] of [['docs/ops/img/diagram.png', PNG], ['images/logo.png', PNG]] as const) {
    mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
    writeFileSync(path.join(repo.dir, file), bytes);
  }
  // A symlink out of the repository is listed as itself, never followed.
  symlinkSync('/etc', path.join(repo.dir, 'etc-link'));
  repo.commit({ author: ada, date: '2026-01-05T10:00:00Z', message: 'Handbook', files: { ...files, ...(config ? { 'wiki.config.yml': config } : {}) } });
  return repo;
}

const FORGE_CONFIG = 'title: Handbook\ncontent: docs\nrepository:\n  url: https://github.com/org/handbook\n  branch: trunk\n';
const NO_FORGE_CONFIG = 'title: Handbook\ncontent: docs\n';
const article = (html: string) => html.match(/<article[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? html;

/** Broken in every variant: targets that exist nowhere, or lie above the repository. */
const alwaysBroken = [
  'docs/ops/a.md:5:1: warning: broken link to "/nope.md": no such file in the repository',
  'docs/ops/a.md:5:21: warning: broken link to "/../../etc/passwd": the link climbs above the repository root',
  'docs/ops/a.md:5:49: warning: broken link to "..%2f..%2f..%2fetc%2fpasswd": the link climbs above the repository root',
  'docs/ops/a.md:5:88: warning: broken link to "/etc-link/passwd": no such file in the repository',
  'docs/ops/a.md:10:7: warning: broken link to "gone.md": no such page file',
  'docs/ops/a.md:10:40: warning: broken link to "nothing.png": no such file in the content folder',
  'docs/ops/a.md:12:80: warning: broken link to "/../../../etc/passwd": the link climbs above the repository root',
  'docs/ops/a.md:14:18: warning: broken link to "missing.png": no such file in the content folder',
];

describe('a wiki in docs/ of a repository whose config sets repository', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  beforeAll(() => {
    repo = makeRepo(FORGE_CONFIG);
    site = buildSite(repo.dir);
  });
  afterAll(() => repo.remove());

  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('sends root-relative links into the content folder to the pages there', () => {
    const a = article(site.html('/ops/a/'));
    expect(a).toContain('<a href="/ops/deploy/">deploy</a>');
    expect(a).toContain('<a href="/ops/guide/">guide</a>');
    expect(a).toContain('<a href="/general/">home</a>');
    expect(a).toContain('<a href="/ops/deploy/">back in</a>');
  });

  it('sends links to files and folders outside the content folder to the forge', () => {
    const a = article(site.html('/ops/a/'));
    expect(a).toContain('<a href="https://github.com/org/handbook/blob/trunk/scripts/deploy.sh#L3">script</a>');
    expect(a).toContain('<a href="https://github.com/org/handbook/blob/trunk/CODEOWNERS">owners</a>');
    expect(a).toContain('<a href="https://github.com/org/handbook/tree/trunk/src">sources</a>');
    expect(a).toContain('<a href="https://github.com/org/handbook/blob/trunk/README.md">readme</a>');
    expect(a).toContain('<img src="https://github.com/org/handbook/raw/trunk/images/logo.png" alt="logo"');
    expect(a).toContain('<img src="https://github.com/org/handbook/raw/trunk/images/logo.png" alt="logo by reference"');
  });

  it('rewrites raw HTML links and images like Markdown ones', () => {
    const a = article(site.html('/ops/a/'));
    expect(a).toContain('<a href="/ops/deploy/">Deploy raw</a>');
    expect(a).toContain('<img src="/ops/img/diagram.png" alt="Diagram">');
    expect(a).toContain('<a href="https://github.com/org/handbook/blob/trunk/scripts/deploy.sh">script raw</a>');
    expect(a).toContain('<a href="/ops/only-raw/">only raw</a>');
    expect(a).toContain('<source srcset="/ops/img/diagram.png 2x">');
    expect(a).toContain('<img src="/ops/img/diagram.png" alt="pic">');
    expect(site.exists('/ops/img/diagram.png')).toBe(true);
  });

  it('renders broken ones as marked text, and never links outside the repository or to a script', () => {
    const a = article(site.html('/ops/a/'));
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: no such page file">gone raw</span>');
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: no such file in the content folder">Nothing here</span>');
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: the link climbs above the repository root">escape raw</span>');
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: the link climbs above the repository root">escape</span>');
    expect(a).toContain('<span class="wikilink-broken" title="Broken link: no such file in the repository">through a link</span>');
    expect(a).not.toMatch(/passwd|javascript:|missing\.png|nothing\.png|gone\.md/);
    expect(a).toContain('<a>js</a>');
    expect(a).toContain('<a href="//evil.example/x">evil</a>');
  });

  it('counts raw HTML links as backlinks', () => {
    expect(site.html('/ops/only-raw/')).toMatch(/Linked from[\s\S]*href="\/ops\/a\/"/);
  });

  it('is what wiki check reports, with file:line:col', () => {
    const result = wiki(repo.dir, ['check']);
    for (const line of alwaysBroken) expect(result.stdout).toContain(line);
    for (const line of alwaysBroken) expect(site.output).toContain(line);
    expect(result.stdout).toMatch(/wiki check passed: 0 errors, 8 warnings/);
  });
});

describe('a wiki in docs/ of a repository whose config sets no repository', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo(NO_FORGE_CONFIG);
  });
  afterAll(() => repo.remove());

  it('reports links to files outside the content folder, saying how to link them', () => {
    const result = wiki(repo.dir, ['check']);
    for (const line of alwaysBroken) expect(result.stdout).toContain(line);
    const why = (file: string) => `"${file}" is outside the content folder: set repository in wiki.config.yml to link to it on the forge`;
    expect(result.stdout).toContain(`docs/ops/a.md:4:1: warning: broken link to "../../scripts/deploy.sh#L3": ${why('scripts/deploy.sh')}`);
    expect(result.stdout).toContain(`docs/ops/a.md:4:38: warning: broken link to "/CODEOWNERS": ${why('CODEOWNERS')}`);
    expect(result.stdout).toContain(`docs/ops/a.md:4:60: warning: broken link to "/src/": ${why('src')}`);
    expect(result.stdout).toContain(`docs/ops/a.md:6:1: warning: broken link to "/images/logo.png": ${why('images/logo.png')}`);
    expect(result.stdout).toContain(`docs/ops/a.md:18:1: warning: broken link to "/images/logo.png": ${why('images/logo.png')}`);
    expect(result.stdout).toContain(`docs/ops/a.md:8:84: warning: broken link to "/scripts/deploy.sh": ${why('scripts/deploy.sh')}`);
    expect(result.stdout).not.toMatch(/"\/docs\/ops\/deploy\.md"|"deploy\.md"|"only-raw\.md"|"img\/diagram\.png"/);
  });
});

describe('a wiki whose content folder is in no git repository', () => {
  let root: string;
  beforeAll(() => {
    const repo = makeRepo(NO_FORGE_CONFIG);
    rmSync(path.join(repo.dir, '.git'), { recursive: true, force: true });
    root = repo.dir;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('still reaches pages from the wiki root, and reports every link that leaves the content folder', () => {
    const result = wiki(root, ['check']);
    expect(result.stdout).not.toContain('"/docs/ops/deploy.md"');
    expect(result.stdout).toContain('docs/ops/a.md:4:1: warning: broken link to "../../scripts/deploy.sh#L3": the link climbs above the content folder');
    expect(result.stdout).toContain('docs/ops/a.md:4:38: warning: broken link to "/CODEOWNERS": the link leads outside the content folder, and the wiki is not in a git repository');
    expect(result.stdout).toContain('docs/ops/a.md:5:21: warning: broken link to "/../../etc/passwd": the link climbs above the repository root');
  });
});
