// A checkout reached through a symlink (macOS /tmp, many CI workspaces): check annotations, CODEOWNERS and edit links name files from the repository's own root.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

let repo: TestRepo;
let outside: string;
let link: string;

beforeAll(() => {
  repo = TestRepo.create('wiki-symlinked-');
  repo.commit({
    author: ada,
    date: '2026-11-01T10:00:00+00:00',
    message: 'Start the wiki',
    files: {
      'site/wiki.config.yml': "title: Linked\ncontent: pages\nrepository:\n  url: https://github.com/org/wiki\nmaintainers: ['@org/wiki-maintainers']\n",
      'site/pages/ops/community.yml': 'name: Ops\nstewards:\n  - name: Ada\n    github: "@ada"\n',
      'site/pages/ops/deploy.md': '---\nreview-by: 2026-01-01\n---\n# Deploy\n\nShip it.\n',
    },
  });
  outside = mkdtempSync(path.join(tmpdir(), 'wiki-link-'));
  link = path.join(outside, 'link');
  symlinkSync(repo.dir, link, 'dir');
});
afterAll(() => {
  repo.remove();
  rmSync(outside, { recursive: true, force: true });
});

describe('a checkout reached through a symlink', () => {
  it('annotates files from the repository root in `wiki check --format github`', () => {
    const result = wiki(path.join(link, 'site'), ['check', '--format', 'github']);
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContainEqual(expect.stringMatching(/^::warning file=site\/pages\/ops\/deploy\.md,line=2/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=\.github\/CODEOWNERS::/));
    for (const line of annotations) expect(line).not.toMatch(/file=[^,:]*(\.\.|link)/);
  });

  it('writes CODEOWNERS patterns from the repository root', () => {
    const result = wiki(path.join(link, 'site'), ['codeowners', '--stdout']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('\n/site/pages/ops/ @ada\n');
    expect(result.stdout).toContain('\n/site/wiki.config.yml @org/wiki-maintainers\n');
    expect(result.stdout).not.toMatch(/\.\.|link/);
  });

  it('builds edit and history links to the file as the repository names it', () => {
    const site = buildSite(path.join(link, 'site'));
    expect(site.status, site.output).toBe(0);
    const page = site.html('/ops/deploy/');
    expect(page).toContain('href="https://github.com/org/wiki/edit/main/site/pages/ops/deploy.md"');
    expect(page).not.toMatch(/href="https:\/\/github\.com\/[^"]*(\.\.|link)/);
    // The history engine reads the same repository through the link.
    expect(page).toContain('Ada Lovelace');
  }, 240_000);
});
