// `wiki check` reviews .mailmap changes: a line that joins an email to someone at another domain, or moves it to another person, is a warning at its line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ada, git, grace, TestRepo, writeFixtureInRepository } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const baseMailmap = ['# Who is who', 'Ada Lovelace <ada@example.org> <a.lovelace@example.org>', ''].join('\n');

let repo: TestRepo;
beforeEach(() => {
  repo = new TestRepo(
    writeFixtureInRepository({ 'wiki.config.yml': 'title: Fixture\n', 'content/ops/README.md': '# Ops\n', 'content/ops/deploy.md': '# Deploy\n', '.mailmap': baseMailmap }),
  );
  repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Start', files: {} });
});
afterEach(() => repo.remove());
const writeMailmap = (lines: string[]) => writeFileSync(path.join(repo.dir, '.mailmap'), [...lines, ''].join('\n'));

describe('wiki check and .mailmap', () => {
  it('warns at the line that maps a commit email to a person at another domain', () => {
    writeMailmap(['# Who is who', 'Ada Lovelace <ada@example.org> <a.lovelace@example.org>', 'Ada Lovelace <ada@example.org> <mallory@evil.example>']);
    const result = wiki(repo.dir, ['check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '.mailmap:3: warning: maps <mallory@evil.example> to Ada Lovelace <ada@example.org>: a different domain, so that person is credited with its commits; a reviewer should confirm both are the same person',
    );
    expect(result.stdout).toContain('1 warning');
  });

  it('warns when a line moves an email that already belonged to someone to another person, even at the same domain', () => {
    writeMailmap(['# Who is who', 'Mallory <mallory@example.org> <a.lovelace@example.org>']);
    expect(wiki(repo.dir, ['check']).stdout).toContain(
      '.mailmap:2: warning: maps <a.lovelace@example.org> to Mallory <mallory@example.org>: it was Ada Lovelace <ada@example.org> at HEAD: another person',
    );
  });

  it('says nothing of a new alias at the same domain, a proper name, or a removed line', () => {
    writeMailmap(['Grace Hopper <grace@example.org> <grace.hopper@example.org>', 'Grace Hopper <grace@example.org>']);
    const result = wiki(repo.dir, ['check']);
    expect(result.stdout).not.toContain('.mailmap');
    expect(result.stdout).toContain('0 warnings');
  });

  it('compares with --base, as the pull request check does: the change is committed and HEAD already has it', () => {
    repo.git(['checkout', '-q', '-b', 'pull-request']);
    repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Mailmap', files: { '.mailmap': `${baseMailmap}Grace Hopper <grace@example.org> <mallory@evil.example>\n` } });
    expect(wiki(repo.dir, ['check']).stdout).not.toContain('.mailmap');
    const against = wiki(repo.dir, ['check', '--base', 'main', '--format', 'github']);
    expect(against.stdout).toContain('::warning file=.mailmap,line=3::maps <mallory@evil.example> to Grace Hopper <grace@example.org>: a different domain');
    const mainOid = repo.git(['rev-parse', 'main']).trim();
    expect(wiki(repo.dir, ['check', '--base', mainOid.slice(0, 10)]).stdout).toContain('.mailmap:3: warning: maps <mallory@evil.example>');
  });

  it('reads the base from a remote branch of a full clone, as actions/checkout leaves it', () => {
    const clone = `${repo.dir}-clone`;
    git(path.dirname(repo.dir), ['clone', '-q', repo.dir, clone]);
    const pr = new TestRepo(clone);
    pr.git(['checkout', '-q', '-b', 'pull-request']);
    pr.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Mailmap', files: { '.mailmap': `${baseMailmap}Ada Lovelace <ada@example.org> <ada@evil.example>\n` } });
    expect(wiki(clone, ['check', '--base', 'origin/main']).stdout).toContain('.mailmap:3: warning: maps <ada@evil.example> to Ada Lovelace <ada@example.org>: a different domain');
    pr.remove();
  });

  it('fails when --base names no commit, since the review could not run', () => {
    const result = wiki(repo.dir, ['check', '--base', 'origin/nowhere']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('.mailmap: error: --base origin/nowhere is not a commit of this repository');
  });
});
