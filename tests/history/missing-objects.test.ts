// Tests objects missing from the store or replaced by refs/replace/: a rename candidate that cannot be read is left out with one warning, sizes rule pairs out without reading content, and replacements are read as git reads them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, gitBlame, gitLogFollow, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the text`).join('\n') + '\n';
const looseFile = (repo: TestRepo, oid: string) => path.join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
const blobOf = (repo: TestRepo, rev: string, file: string) => repo.git(['rev-parse', `${rev}:${file}`]).trim();
const summary = (history: RepositoryHistory) =>
  Object.fromEntries(Object.entries(history.pages).map(([file, page]) => [file, { commits: page.revisions.map((r) => r.commit), lines: page.lineCommits }]));

describe('rename candidates that cannot be read', () => {
  let repo: TestRepo;
  let before: RepositoryHistory;
  let after: RepositoryHistory;
  let afterMoved: RepositoryHistory;
  const blobs: Record<string, string> = {};
  const gitBefore: Record<string, string[]> = {};

  beforeAll(async () => {
    repo = TestRepo.create();
    repo.commit({
      author: ada,
      date: '2023-01-02T09:00:00+00:00',
      message: 'Start',
      files: {
        'notes/runbook.md': lines('Runbook', 12),
        // Far larger than any page: sizes alone rule it out as a source.
        'assets/big.txt': lines('A large unrelated asset', 4000),
        // As large as the pages: only its content could rule it out.
        'assets/similar.txt': lines('Similar sized, other words', 12),
        'content/index.md': '# Home\n',
      },
    });
    repo.commit({ author: grace, date: '2023-01-03T09:00:00+00:00', message: 'Edit the runbook', files: { 'notes/runbook.md': lines('Runbook', 13) } });
    repo.commit({
      author: linus,
      date: '2023-01-04T09:00:00+00:00',
      message: 'Move the runbook in, drop the assets, start a new page',
      moves: [['notes/runbook.md', 'content/runbook.md']],
      files: { 'assets/big.txt': null, 'assets/similar.txt': null, 'content/new.md': lines('Brand new', 12) },
    });
    repo.commit({ author: ada, date: '2023-01-05T09:00:00+00:00', message: 'After', files: { 'content/runbook.md': lines('Runbook', 14) } });
    blobs.big = blobOf(repo, 'HEAD~2', 'assets/big.txt');
    blobs.similar = blobOf(repo, 'HEAD~2', 'assets/similar.txt');
    before = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
    for (const file of ['content/runbook.md', 'content/new.md']) gitBefore[file] = gitLogFollow(repo.dir, file).map((r) => r.commit);
    // The large blob's loose file cut after its header: its size is readable, its content is not.
    const big = readFileSync(looseFile(repo, blobs.big));
    writeFileSync(looseFile(repo, blobs.big), big.subarray(0, Math.floor(big.length / 3)));
    // The other one gone altogether (a mirror without it).
    rmSync(looseFile(repo, blobs.similar));
    // Moved text reads every file the commit changed, as git blame -C does; the rename and copy search alone is held to sizes first.
    after = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null, movedText: false });
    afterMoved = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
  });

  afterAll(() => repo.remove());

  it('the intact repository agrees with git (the baseline the damaged one is held to)', () => {
    for (const file of ['content/runbook.md', 'content/new.md']) expect(before.pages[file]!.revisions.map((r) => r.commit), file).toEqual(gitBefore[file]);
  });

  it('carries on without the unreadable candidates: every page as before', () => {
    expect(summary(after)).toEqual(summary(before));
  });

  it('warns once about the missing candidate, naming the object and path', () => {
    const about = after.warnings.filter((w) => w.includes(blobs.similar!));
    expect(about).toHaveLength(1);
    expect(about[0]).toContain('assets/similar.txt');
  });

  it('with moved text on, leaves the damaged blob out of the copy search with one warning, every page as before', () => {
    expect(summary(afterMoved)).toEqual(summary(before));
    expect(afterMoved.warnings.filter((w) => w.includes(blobs.big!))).toHaveLength(1);
  });

  it('never reads a candidate whose size rules it out: no warning about the damaged large blob, and git agrees', () => {
    expect(after.warnings.join('\n')).not.toContain(blobs.big!);
    // git also sizes before reading, so it follows the page past the damaged blob (the missing one would stop it).
    const emptyBlob = repo.git(['hash-object', '-w', '--stdin']).trim();
    repo.git(['update-ref', `refs/replace/${blobs.similar}`, emptyBlob]);
    expect(after.pages['content/runbook.md']!.revisions.map((r) => r.commit)).toEqual(gitLogFollow(repo.dir, 'content/runbook.md').map((r) => r.commit));
  });
});

describe('refs/replace/', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};
  let cacheDir: string;

  beforeAll(() => {
    repo = TestRepo.create();
    c.one = repo.commit({ author: ada, date: '2023-02-01T09:00:00+00:00', message: 'One', files: { 'content/page.md': lines('Page', 6), 'notes/gone.txt': lines('Gone', 6) } });
    c.two = repo.commit({ author: grace, date: '2023-02-02T09:00:00+00:00', message: 'Two', files: { 'content/page.md': lines('Page', 8) } });
    c.three = repo.commit({ author: linus, date: '2023-02-03T09:00:00+00:00', message: 'Three', files: { 'content/page.md': lines('Page', 9), 'notes/gone.txt': null, 'content/other.md': lines('Other', 5) } });
    cacheDir = path.join(repo.dir, '..', `${path.basename(repo.dir)}-cache`);
  });

  afterAll(() => {
    repo.remove();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const engine = async () => {
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });
    return { commits: history.pages['content/page.md']!.revisions.map((r) => r.commit), lines: history.pages['content/page.md']!.lineCommits, warnings: history.warnings };
  };
  const gitSays = () => ({ commits: gitLogFollow(repo.dir, 'content/page.md').map((r) => r.commit), lines: gitBlame(repo.dir, 'content/page.md').map((l) => l.commit) });

  it('reads a replaced blob as its replacement, as git does: a missing candidate replaced by an empty blob is no warning', async () => {
    const gone = blobOf(repo, c.one!, 'notes/gone.txt');
    rmSync(looseFile(repo, gone));
    const emptyBlob = repo.git(['hash-object', '-w', '--stdin']).trim();
    repo.git(['update-ref', `refs/replace/${gone}`, emptyBlob]);
    const result = await engine();
    expect(result.warnings.join('\n')).not.toContain(gone);
    expect({ commits: result.commits, lines: result.lines }).toEqual(gitSays());
  });

  it('follows a replaced commit (a graft) as git log does, and a cache made through replacements is not used without them', async () => {
    repo.git(['replace', '--graft', c.three!, c.one!]);
    const grafted = await engine();
    expect({ commits: grafted.commits, lines: grafted.lines }).toEqual(gitSays());
    expect(grafted.commits).not.toContain(c.two);
    repo.git(['replace', '-d', c.three!]);
    const plain = await engine();
    expect({ commits: plain.commits, lines: plain.lines }).toEqual(gitSays());
    expect(plain.commits).toContain(c.two);
  });
});
