// Builds fixture wikis and asserts the forge links on pages and community homes, and their absence without a repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';
import { initWithGitFile } from '../helpers/git-repo.ts';

const content = {
  'content/Platform Ops/community.yml': 'name: Platform ops\n',
  'content/Platform Ops/README.md': '# Ops home\n',
  'content/Platform Ops/Índice útil.md': '# Índice útil\n\nText.\n',
};

describe('edit links in the built site', () => {
  let withRepo: BuiltSite;
  let without: BuiltSite;
  let repoRoot: string;

  beforeAll(() => {
    // The wiki lives in docs/ of a (worktree) repository, so links carry the docs/ prefix.
    repoRoot = writeFixture({
      'docs/wiki.config.yml': 'title: Forge fixture\nrepository:\n  url: https://gitlab.example.org/team/wiki.git\n  branch: trunk\n  forge: gitlab\n',
      ...Object.fromEntries(Object.entries(content).map(([name, text]) => [`docs/${name}`, text])),
    });
    initWithGitFile(repoRoot);
    withRepo = buildSite(path.join(repoRoot, 'docs'));
    without = buildSite(writeFixture({ 'wiki.config.yml': 'title: No repository\n', ...content }));
  });

  afterAll(() => {
    rmSync(repoRoot, { recursive: true, force: true });
    rmSync(without.root, { recursive: true, force: true });
  });

  it('links each page to its editor, source and history on the forge, the path encoded from the repository root', () => {
    expect(withRepo.status, withRepo.output).toBe(0);
    const html = withRepo.html('/platform-ops/índice-útil/');
    const file = 'docs/content/Platform%20Ops/%C3%8Dndice%20%C3%BAtil.md';
    expect(html).toContain(`href="https://gitlab.example.org/team/wiki/-/edit/trunk/${file}"`);
    expect(html).toContain(`href="https://gitlab.example.org/team/wiki/-/blob/trunk/${file}"`);
    expect(html).toContain(`href="https://gitlab.example.org/team/wiki/-/commits/trunk/${file}"`);
    expect(html).toContain('>Edit this page</a>');
    expect(html).toContain('History on GitLab');
  });

  it('offers "Propose a new page" on community homes, prefilled with draft front matter', () => {
    const html = withRepo.html('/platform-ops/');
    const match = /href="(https:\/\/gitlab\.example\.org\/team\/wiki\/-\/new\/trunk\/docs\/content\/Platform%20Ops\?[^"]+)"[^>]*>Propose a new page/.exec(html);
    expect(match).not.toBeNull();
    const url = new URL((match?.[1] ?? '').replaceAll('&amp;', '&'));
    expect(url.searchParams.get('file_name')).toBe('new-page.md');
    expect(url.searchParams.get('content')).toMatch(/^---\ntitle: New page\n[\s\S]*status: draft\nreview-by: 2027-11-22\n---/);
    expect(html).toContain('/-/edit/trunk/docs/content/Platform%20Ops/README.md"');
  });

  it('shows no forge links when no repository is configured', () => {
    expect(without.status, without.output).toBe(0);
    expect(without.html('/platform-ops/índice-útil/')).not.toContain('Edit this page');
    expect(without.html('/platform-ops/')).not.toContain('Propose a new page');
  });
});
