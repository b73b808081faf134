// Tests the engine's line origins against plain `git blame`, line for line, on a repository of many generated edits (nested blocks, repeats, blanks, CRLF).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, gitBlame, grace, linus, TestRepo } from '../helpers/git-repo.ts';
import { edited, fileText, random, someLines } from './xdiff-oracle.ts';

const PAGES = 6;
const COMMITS = 25;
const people = [ada, grace, linus];

let repo: TestRepo;
let history: RepositoryHistory;

beforeAll(async () => {
  repo = TestRepo.create('wiki-xdiff-blame-');
  const r = random(2024);
  const pages = Array.from({ length: PAGES }, (_, k) => ({ path: `content/page-${k}.md`, style: k % 3, lines: someLines(r, k % 3, 20 + r.int(60)) }));
  for (let c = 0; c < COMMITS; c++) {
    const files: Record<string, string> = {};
    for (const page of pages) {
      if (c > 0 && r.int(2) === 0) continue;
      if (c > 0) page.lines = edited(r, page.lines, page.style, 1 + r.int(5));
      files[page.path] = fileText(r, page.lines);
    }
    const day = String(1 + c).padStart(2, '0');
    repo.commit({ author: people[c % people.length]!, date: `2024-03-${day}T10:00:00+00:00`, message: `Edit ${c}`, files, allowEmpty: true });
  }
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

describe('line origins on a repository of many edits', () => {
  it('credit every line to the commit plain git blame names', () => {
    expect(Object.keys(history.pages)).toHaveLength(PAGES);
    let lines = 0;
    const commits = new Set<string>();
    for (const [file, page] of Object.entries(history.pages)) {
      const blame = gitBlame(repo.dir, file).map((l) => l.commit);
      expect({ file, lines: page.lineCommits }).toEqual({ file, lines: blame });
      lines += blame.length;
      for (const c of blame) commits.add(c);
    }
    // Lines come from many commits, not just the first: the edits were carried through.
    expect(lines).toBeGreaterThan(200);
    expect(commits.size).toBeGreaterThan(10);
  });
});
