// Tests moved text in a page's history from before it moved into the content folder: git blame -C finds text cut and pasted there too, checked line for line against git.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, git, gitBlame, grace, linus, TestRepo, type Author } from '../helpers/git-repo.ts';

const blameCopies = (dir: string, file: string) => gitBlame(dir, file, ['-C']).map((l) => l.commit);

const text = (...parts: string[][]) => parts.flat().join('\n') + '\n';
const section = (title: string, n: number) => [`## ${title}`, '', ...Array.from({ length: n }, (_, i) => `${title} explains step number ${i + 1} in some detail for readers.`), ''];

let repo: TestRepo;
let day = 1;
function commit(author: Author, message: string, files: Record<string, string | null>): string {
  return repo.commit({ author, date: `2024-06-${String(day++).padStart(2, '0')}T10:00:00+00:00`, message, files });
}

beforeAll(() => {
  repo = TestRepo.create();
  // The guides start at the repository's root, before there is a content folder.
  commit(ada, 'Guides by Ada', { 'guides/review.md': text(['# Review', ''], section('Evidence', 5), section('Process', 4)), 'notes.txt': text(section('Loose', 4)) });
  commit(grace, 'Grace adds to the process', { 'guides/review.md': text(['# Review', ''], section('Evidence', 5), section('Process', 4), ['Grace adds a closing remark on the process.', '']) });
  // Linus splits the page: the evidence goes to a new page, the loose notes into the process page.
  commit(linus, 'Split the review guide', {
    'guides/review.md': text(['# Review', '', 'See [evidence](evidence.md).', ''], section('Process', 4), ['Grace adds a closing remark on the process.', ''], section('Loose', 4)),
    'guides/evidence.md': text(['# Evidence', ''], section('Evidence', 5)),
    'notes.txt': null,
  });
  // Then everything moves into the content folder.
  commit(linus, 'Move the guides into content/', {
    'guides/review.md': null,
    'guides/evidence.md': null,
    'content/wiki.config.yml': 'title: Guides\n',
    'content/review.md': text(['# Review', '', 'See [evidence](evidence.md).', ''], section('Process', 4), ['Grace adds a closing remark on the process.', ''], section('Loose', 4)),
    'content/evidence.md': text(['# Evidence', ''], section('Evidence', 5)),
  });
});
afterAll(() => repo.remove());

describe('moved text before a page moved into the content folder', () => {
  it('credits the lines as git blame -C does, following the pages back outside', async () => {
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
    for (const file of ['content/review.md', 'content/evidence.md']) expect(history.pages[file]!.lineCommits, file).toEqual(blameCopies(repo.dir, file));
    // The case is one: the evidence was Ada's before Linus split it out, and git says so.
    const ada = history.pages['content/evidence.md']!.contributors.find((p) => p.email === 'ada@example.org');
    expect(ada?.lines).toBeGreaterThanOrEqual(5);
  });
});
