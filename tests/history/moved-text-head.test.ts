// Tests that moved text is decided as `git blame -C` decides it from HEAD: on the moved lines that still sit together there, checked line for line against git.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, git, gitBlame, grace, linus, TestRepo, type Author } from '../helpers/git-repo.ts';

const blameCopies = (dir: string, file: string) => gitBlame(dir, file, ['-C']).map((l) => l.commit);

const text = (...parts: string[][]) => parts.flat().join('\n') + '\n';
/** Lines of about 25 letters and digits each: six together score far above git's copy score (40), one alone does not. */
const short = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} point ${i + 1}: keep it brief.`);
const interleave = (lines: string[], by: (i: number) => string) => lines.flatMap((l, i) => [l, by(i)]);

let repo: TestRepo;
let cacheDir: string;
let day = 1;
function commit(author: Author, message: string, files: Record<string, string | null>): string {
  return repo.commit({ author, date: `2024-05-${String(day++).padStart(2, '0')}T10:00:00+00:00`, message, files });
}

const tips = short('Tip', 6);
const notes = short('Note', 4);
const rules = short('Rule', 5);
const order = short('Order', 6);

beforeAll(() => {
  repo = TestRepo.create();
  cacheDir = mkdtempSync(path.join(tmpdir(), 'wiki-moved-head-'));
  commit(ada, 'Pages by Ada', {
    'content/a.md': text(['# A', ''], tips, ['', 'A ends here.']),
    'content/d.md': text(['# D', ''], notes, ['', 'D ends here.']),
    'content/m.md': text(['# M', '', 'The page starts with a long introduction line.', ''], order, ['', 'M ends here.']),
  });
  commit(grace, 'Rules by Grace', { 'content/r.md': text(['# R', ''], rules, ['', 'R ends here.']) });
  // Linus cuts the tips into b.md and pastes the notes right after them: two stretches from two pages.
  commit(linus, 'Linus gathers tips and notes', {
    'content/a.md': text(['# A', '', 'A ends here.']),
    'content/d.md': text(['# D', '', 'D ends here.']),
    'content/b.md': text(['# B', ''], tips, notes, ['', 'B ends here.']),
  });
  // Grace moves the whole block on into c.md, and moves the order list down within m.md.
  commit(grace, 'Grace moves the block on', {
    'content/b.md': text(['# B', '', 'B ends here.']),
    'content/c.md': text(['# C', '', 'Grace wrote this line.', ''], tips, notes, ['', 'C ends here.']),
    'content/m.md': text(['# M', '', 'The page starts with a long introduction line.', '', 'M ends here.', ''], order),
  });
});
afterAll(() => {
  repo.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('moved text decided from HEAD', () => {
  it('gives back to the mover the moved lines later cut apart, line for line as git blame -C', async () => {
    // Ada puts a line of her own after every tip but the last two: each alone is worth too little to have moved.
    commit(ada, 'Ada comments on each tip', {
      'content/c.md': text(['# C', '', 'Grace wrote this line.', ''], interleave(tips.slice(0, 4), (i) => `Comment ${i + 1}.`), tips.slice(4), notes, ['', 'C ends here.']),
      // Within a page the move score is 20: lines of about 25 stay moved even alone, so some are shortened.
      'content/m.md': text(['# M', '', 'The page starts with a long introduction line.', '', 'M ends here.', ''], interleave(order, (i) => `Aside ${i + 1}.`)),
    });
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });
    for (const [file, page] of Object.entries(history.pages)) expect(page.lineCommits, file).toEqual(blameCopies(repo.dir, file));
  });

  it('decides each earlier move again too: a tip left alone among notes goes back to the commit that pasted it', async () => {
    // Only the last tip stays next to the notes: Grace's move keeps the block, Linus's paste of the tips is left with one line.
    commit(linus, 'Linus trims the tips', {
      'content/c.md': text(['# C', '', 'Grace wrote this line.', ''], interleave(tips.slice(0, 4), (i) => `Comment ${i + 1}.`), tips.slice(5), notes, ['', 'C ends here.']),
    });
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });
    expect(history.stats?.mode).toBe('incremental');
    for (const [file, page] of Object.entries(history.pages)) expect(page.lineCommits, file).toEqual(blameCopies(repo.dir, file));
    const cold = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
    expect(cold.pages).toEqual(history.pages);
  });

  it('covers each level: git gives lone tips to the last mover, the tip beside the notes to the first, the notes to their author', () => {
    const subjectOf = (oid: string) => git(repo.dir, ['log', '-1', '--format=%s', oid]).trim();
    const lines = git(repo.dir, ['show', 'HEAD:content/c.md']).split('\n');
    const blamed = blameCopies(repo.dir, 'content/c.md');
    const credit = (line: string) => subjectOf(blamed[lines.indexOf(line)]!);
    for (const tip of tips.slice(0, 4)) expect(credit(tip)).toBe('Grace moves the block on');
    expect(credit(tips[5]!)).toBe('Linus gathers tips and notes');
    for (const note of notes) expect(credit(note)).toBe('Pages by Ada');
  });
});

describe('move marks in the cache', () => {
  it('reads back what it wrote, and refuses numbers that are not marks of the page', async () => {
    const { decodeMarks, encodeMarks } = await import('../../src/lib/history/move-marks.ts');
    const copy = { parent: 0, start: 1, end: 3, path: 'docs/x.md', ownPath: null, contested: true };
    const inner = { commit: 1, split: 0, line: 4, alnum: 20, threshold: 40, inner: null };
    const marks = [null, { commit: 3, split: 2, line: 1, alnum: 25, threshold: 40, copy, inner }, { commit: 3, split: 2, line: 2, alnum: 25, threshold: 40, copy, inner: null }];
    const { flat, copies } = encodeMarks(marks);
    expect(copies).toHaveLength(1);
    const back = decodeMarks(flat, copies, 3);
    expect(back).toEqual(marks);
    expect(back![1]!.copy).toBe(back![2]!.copy);
    expect(decodeMarks(flat, copies, 1)).toBeNull();
    expect(decodeMarks(flat, [], 3)).toBeNull();
    expect(decodeMarks([1, 1, 3, 2, 1, 25, 40], [], 3)).toBeNull();
    expect(decodeMarks([1, 1, 3, 2, -1, 25, 20, 0], [], 3)).toBeNull();
    expect(decodeMarks([1, 0], [], 3)).toBeNull();
  });
});

describe('a part of a copied stretch that other files have too', () => {
  let prepo: TestRepo;
  const boiler = ['', 'No paperwork is needed. No information is collected from members of the public.', '</section>'];
  const card = (name: string) => [`# ${name}`, '', `${name} is a method teams use to decide what to build first.`, `Run ${name} with the whole team in one room.`, '', `## Considerations for ${name}`, ...boiler];
  const at = (d: number) => `2024-07-${String(d).padStart(2, '0')}T10:00:00+00:00`;

  beforeAll(() => {
    prepo = TestRepo.create();
    prepo.commit({ author: ada, date: at(1), message: 'Cards by Ada', files: { '_cards/alpha.md': text(card('Alpha')), 'content/alpha.md': text(['# Alpha', '', 'See the card.']) } });
    prepo.commit({ author: grace, date: at(2), message: 'A card by Grace', files: { '_cards/zeta.md': text(card('Zeta')) } });
    // Linus pastes each card into its page and deletes the cards.
    prepo.commit({ author: linus, date: at(3), message: 'Cards into pages', files: { '_cards/alpha.md': null, '_cards/zeta.md': null, 'content/alpha.md': text(['# Alpha', '', 'See the card.'], card('Alpha').slice(1)) } });
    // Grace rewrites the heading just above the boilerplate: git then blames the boilerplate apart.
    prepo.commit({ author: grace, date: at(4), message: 'Sharper heading', files: { 'content/alpha.md': text(['# Alpha', '', 'See the card.'], card('Alpha').slice(1, 5), ['## What to consider'], boiler) } });
  });
  afterAll(() => prepo.remove());

  it('credits the part as git blame -C does: from the later file in path order that has it too', async () => {
    const history = await readRepositoryHistory({ contentDir: `${prepo.dir}/content`, cacheDir: null });
    const blamed = blameCopies(prepo.dir, 'content/alpha.md');
    expect(history.pages['content/alpha.md']!.lineCommits).toEqual(blamed);
    // The case is real: git gives the boilerplate to Grace's card, the rest of the stretch to Ada's.
    const subjects = blamed.map((oid) => git(prepo.dir, ['log', '-1', '--format=%s', oid]).trim());
    expect(subjects.at(-2)).toBe('A card by Grace');
    expect(subjects[4]).toBe('Cards by Ada');
  });
});
