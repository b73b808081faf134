// `wiki verify` compares the history engine with git itself on a real repository and says where they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { percent, samplePaths } from '../../src/lib/history/verify.ts';
import { ada, grace, linus, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

function agreeingRepo(): TestRepo {
  const repo = TestRepo.create('wiki-verify-');
  repos.push(repo);
  repo.commit({
    author: ada,
    date: '2026-01-05T10:00:00+00:00',
    message: 'Start the ops pages',
    files: {
      'wiki.config.yml': 'title: Fixture\n',
      '.mailmap': 'Grace Hopper <grace@example.org> <grace@old.example>\n',
      'content/ops/community.yml': 'name: Ops\n',
      'content/ops/backups.md': '# Backups\n\nRun the backup every night.\nKeep seven copies.\nTest a restore each month.\n',
      'content/ops/deploys.md': '# Deploys\n\nDeploy on weekdays only.\n',
    },
  });
  repo.commit({
    // An old address that .mailmap joins to Grace: both sides must map it the same way.
    author: { name: 'G. Hopper', email: 'grace@old.example' },
    date: '2026-02-01T09:00:00+00:00',
    message: 'Say where the copies go',
    files: { 'content/ops/backups.md': '# Backups\n\nRun the backup every night.\nKeep seven copies, off site.\nTest a restore each month.\nWrite down how long it took.\n' },
  });
  repo.commit({ author: ada, date: '2026-03-01T09:00:00+00:00', message: 'Rename backups', moves: [['content/ops/backups.md', 'content/ops/backup-and-restore.md']] });
  repo.commit({
    author: grace,
    date: '2026-04-01T09:00:00+00:00',
    message: 'Deploys: freeze',
    files: { 'content/ops/deploys.md': '# Deploys\n\nDeploy on weekdays only.\nNo deploys in the December freeze.\n' },
  });
  return repo;
}

describe('wiki verify', () => {
  it('reports 100% agreement where the engine and git agree (edits, a rename, two authors)', () => {
    const repo = agreeingRepo();
    const result = wiki(repo.dir, ['verify', '--min-agreement', '100']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('all 2 pages');
    for (const check of ['commits agree', 'authors agree', 'created agrees', 'updated agrees', 'lines per author within 5%']) {
      expect(result.stdout).toMatch(new RegExp(`${check}.*100\\.0%  \\(2 of 2\\)`));
    }
    expect(result.stdout).not.toContain('Pages that differ');
    const lines = ['content/ops/backup-and-restore.md', 'content/ops/deploys.md'].reduce((n, f) => n + repo.git(['blame', '--porcelain', 'HEAD', '--', f]).split('\n').filter((l) => l.startsWith('\t')).length, 0);
    expect(result.stdout).toContain(`lines that differ from git blame -C line for line: 0 of ${lines} (on 0 pages)`);
  });

  it('compares with plain git blame with --no-moved-text, and counts lines whose commit differs', () => {
    const repo = agreeingRepo();
    // The same text moved into another page: blame -C credits its first author, plain blame the mover.
    const moved = 'Keep seven copies, off site.\nTest a restore each month.\nWrite down how long it took.\nCall the on-call person first.\n';
    repo.commit({ author: grace, date: '2026-05-01T09:00:00+00:00', message: 'Restore steps to their own page', files: { 'content/ops/restores.md': `# Restores\n\n${moved}`, 'content/ops/backup-and-restore.md': '# Backups\n\nRun the backup every night.\n' } });
    const plain = wiki(repo.dir, ['verify', '--no-moved-text']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/lines per author within 5% of blame .*\(3 of 3\)/);
    expect(plain.stdout).toMatch(/lines that differ from git blame line for line: 0 of \d+ \(on 0 pages\)/);
    // With moved text on (the default) the engine credits the first author, as blame -C does.
    const copies = wiki(repo.dir, ['verify']);
    expect(copies.stdout).toMatch(/lines that differ from git blame -C line for line: 0 of \d+ \(on 0 pages\)/);
    // Later edits around a short moved line leave it alone in git's blame, which then gives it (too short
    // to count as copied) to the mover: the engine decides the move again from HEAD, and agrees.
    const short = 'Test a restore each month.';
    const creditedBy = () => repo.git(['blame', '-C', '--line-porcelain', 'HEAD', '--', 'content/ops/restores.md']).split('\n').filter((l) => /^[0-9a-f]{40} /.test(l))[3]!.slice(0, 40);
    const first = repo.git(['log', '--format=%H', '-S', short, '--', 'content/ops/backups.md']).trim().split('\n').at(-1)!;
    expect(creditedBy()).toBe(first);
    const mover = repo.git(['rev-parse', 'HEAD']).trim();
    repo.commit({ author: ada, date: '2026-06-01T09:00:00+00:00', message: 'Restore steps, sharper', files: { 'content/ops/restores.md': `# Restores\n\n${moved.replace('off site.', 'off site, encrypted.').replace('how long it took', 'how long the restore took')}` } });
    expect(creditedBy()).toBe(mover);
    const edited = wiki(repo.dir, ['verify']);
    expect(edited.stdout).toMatch(/lines that differ from git blame -C line for line: 0 of \d+ \(on 0 pages\)/);
  });

  it('counts one person under two emails as one on git\'s side too, as the engine joins them without .mailmap', () => {
    const repo = agreeingRepo();
    repo.commit({
      author: { name: 'Ada Lovelace', email: 'ada@home.example' },
      date: '2026-05-01T09:00:00+00:00',
      message: 'Deploys: who to call',
      files: { 'content/ops/deploys.md': '# Deploys\n\nDeploy on weekdays only.\nNo deploys in the December freeze.\nCall Ada when in doubt.\n' },
    });
    // git names two addresses; the engine one Ada, so the person check must compare people, not addresses.
    expect(repo.git(['log', '--format=%aE', '--', 'content/ops/deploys.md']).trim().split('\n')).toContain('ada@home.example');
    const result = wiki(repo.dir, ['verify', '--min-agreement', '100']);
    expect(result.stdout).toMatch(/authors agree.*100\.0%  \(2 of 2\)/);
    expect(result.stdout).toMatch(/lines per author within 5%.*100\.0%  \(2 of 2\)/);
    expect(result.status).toBe(0);
  });

  it('names the page that differs, with the reason, and fails --min-agreement below the threshold', () => {
    const repo = agreeingRepo();
    // git reads the working copy's .mailmap, the engine the one committed at HEAD (a documented
    // difference): a mapping added but not committed makes git name another person for that page.
    const mallory = { name: 'Mallory Knox', email: 'mallory@example.org' };
    repo.commit({ author: mallory, date: '2026-06-01T09:00:00+00:00', message: 'Notes as a page', files: { 'content/ops/notes.md': '# Notes\n\nAsk before deploying.\nKeep the runbook current.\n' } });
    writeFileSync(path.join(repo.dir, '.mailmap'), `${readFileSync(path.join(repo.dir, '.mailmap'), 'utf8')}Mallory Knox <mallory@elsewhere.example> <mallory@example.org>\n`);
    const gitAuthor = repo.git(['log', '--format=%aN <%aE>', '--', 'content/ops/notes.md']).trim();
    expect(gitAuthor).toBe('Mallory Knox <mallory@elsewhere.example>');

    const printed = wiki(repo.dir, ['verify']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/commits agree.*100\.0%  \(3 of 3\)/);
    expect(printed.stdout).toMatch(/authors agree.*66\.6%  \(2 of 3\)/);
    expect(printed.stdout).toContain('Pages that differ (1):');
    expect(printed.stdout).toContain(`content/ops/notes.md: authors: engine only Mallory Knox <mallory@example.org>; git only ${gitAuthor}`);

    const gated = wiki(repo.dir, ['verify', '--min-agreement', '90']);
    expect(gated.status).toBe(1);
    expect(gated.stderr).toContain('below --min-agreement 90%');
  });

  it('names, in each page\'s reason, the blame it compared with: blame -C by default, plain blame with --no-moved-text', () => {
    // A repository whose blame skips a reformatting commit (`blame.ignoreRevsFile`, as many projects set it): git
    // credits the reformatted lines to the commit before, the engine (which reads no such list) to the reformatter.
    const repo = TestRepo.create('wiki-verify-ignore-revs-');
    repos.push(repo);
    const file = 'content/ops/restores.md';
    const text = '# Restores\n\nask before restoring.\ntest a restore every month.\nwrite down how long it took.\n';
    repo.commit({ author: ada, date: '2026-01-05T10:00:00+00:00', message: 'Restores', files: { 'wiki.config.yml': 'title: Fixture\n', 'content/ops/community.yml': 'name: Ops\n', [file]: text } });
    const reformat = repo.commit({ author: linus, date: '2026-02-01T10:00:00+00:00', message: 'Capitals', files: { [file]: text.replace(/^[a-z]/gm, (c) => c.toUpperCase()) } });
    repo.commit({ author: linus, date: '2026-02-02T10:00:00+00:00', message: 'Blame skips the capitals', files: { '.git-blame-ignore-revs': `${reformat}\n` } });
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);

    for (const [args, blame] of [[['verify', '--no-moved-text'], []], [['verify'], ['-C']]] as const) {
      const commits = (extra: readonly string[]) => repo.git(['blame', ...blame, ...extra, '--line-porcelain', 'HEAD', '--', file]).split('\n').filter((l) => /^[0-9a-f]{40} /.test(l)).map((l) => l.slice(0, 40));
      const git = commits([]);
      // An empty file name clears the list: the blame the engine's credit is.
      const unignored = commits(['--ignore-revs-file=']);
      const differ = git.flatMap((c, k) => (c !== unignored[k] ? [k] : []));
      expect(differ.length).toBeGreaterThan(0);
      const k = differ[0]!;
      const name = blame.length ? 'blame -C' : 'blame';
      const result = wiki(repo.dir, [...args]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(
        `${file}: lines: ${differ.length} of ${git.length} (${percent(differ.length / git.length)}) credited differently from ${name}; first line ${k + 1}: engine Linus Torvalds (${unignored[k]!.slice(0, 7)}), ${name} Ada Lovelace (${git[k]!.slice(0, 7)})`,
      );
      expect(result.stdout).toContain(`lines that differ from git ${name} line for line: ${differ.length} of ${git.length} (on 1 pages)`);
      if (!blame.length) expect(result.stdout).not.toContain('blame -C');
    }
  });

  it('checks a seeded sample of the pages with --sample', () => {
    const repo = agreeingRepo();
    const result = wiki(repo.dir, ['verify', '--sample', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 of 2 (seed "wiki verify") pages');
    expect(result.stdout).toMatch(/commits agree.*\(1 of 1\)/);
    expect(wiki(repo.dir, ['verify', '--sample', 'lots']).status).toBe(2);
  });

  it('samples the same pages on every run, and different ones for another seed', () => {
    const paths = Array.from({ length: 50 }, (_, k) => `content/p${k}.md`);
    const one = samplePaths(paths, 5, 'a');
    expect(samplePaths([...paths].reverse(), 5, 'a')).toEqual(one);
    expect(one).toHaveLength(5);
    expect(samplePaths(paths, 5, 'b')).not.toEqual(one);
    expect(samplePaths(paths, undefined, 'a')).toEqual([...paths].sort());
  });
});

describe("wiki verify's reading of git", () => {
  it('counts a merge as a page commit only where git log --cc shows it wrote lines of its own', async () => {
    const { gitPageLog } = await import('../../src/lib/history/verify-git-fs.ts');
    const repo = TestRepo.create('wiki-verify-merge-');
    repos.push(repo);
    const page = 'content/p.md';
    repo.commit({ author: ada, date: '2026-01-01T10:00:00+00:00', message: 'start', files: { [page]: 'a\nb\nc\nd\ne\nf\n' } });
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit({ author: grace, date: '2026-01-02T10:00:00+00:00', message: 'side', files: { [page]: 'A\nb\nc\nd\ne\nf\n' } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: ada, date: '2026-01-03T10:00:00+00:00', message: 'main', files: { [page]: 'a\nb\nc\nd\ne\nF\n' } });
    const clean = repo.merge('side', { author: ada, date: '2026-01-04T10:00:00+00:00' });
    repo.git(['checkout', '-q', 'side']);
    repo.commit({ author: grace, date: '2026-01-05T10:00:00+00:00', message: 'side 2', files: { [page]: 'A\nb\nc-side\nd\ne\nF\n' } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: ada, date: '2026-01-06T10:00:00+00:00', message: 'main 2', files: { [page]: 'A\nb\nc-main\nd\ne\nF\n' } });
    const resolved = repo.merge('side', { author: ada, date: '2026-01-07T10:00:00+00:00', resolve: { [page]: 'A\nb\nc-both\nd\ne\nF\n' } });

    const listed = (await gitPageLog(repo.dir, 'HEAD', page)).map((c) => c.commit);
    const oracle = repo.git(['log', '--follow', '--format=%H', '--', page]).trim().split('\n');
    expect(repo.git(['diff-tree', '--cc', '-p', clean, '--', page]).trim()).not.toMatch(/^@@@/m);
    expect(repo.git(['diff-tree', '--cc', '-p', resolved, '--', page])).toMatch(/^@@@/m);
    expect(listed).toEqual([resolved, ...oracle]);
  });
});
