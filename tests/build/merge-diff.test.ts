// Builds a wiki with an evil merge and asserts its history page draws the merge's diff combined, one column per parent, each line's meaning in words.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { ada, grace, linus, mergeOwnLines, TestRepo } from '../helpers/git-repo.ts';

const lines = (changes: Record<number, string> = {}) => Array.from({ length: 10 }, (_, i) => changes[i] ?? `Step ${i + 1}.`).join('\n') + '\n';
const page = (body: string) => `---\ntitle: Runbook\n---\n${body}`;

describe('the history page of a merge that wrote lines of its own', () => {
  let repo: TestRepo;
  let site: BuiltSite;
  let merge: string;
  beforeAll(() => {
    repo = TestRepo.create('wiki-merge-diff-build-');
    repo.commit({ author: ada, date: '2024-03-01T10:00:00+00:00', message: 'Start', files: { 'wiki.config.yml': 'title: Merges\n', 'content/ops/community.yml': 'name: Ops\n', 'content/ops/runbook.md': page(lines()) } });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit({ author: grace, date: '2024-03-02T10:00:00+00:00', message: 'Feature', files: { 'content/ops/runbook.md': page(lines({ 8: 'Step 9, by Grace.' })) } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: linus, date: '2024-03-03T10:00:00+00:00', message: 'Main', files: { 'content/ops/runbook.md': page(lines({ 0: 'Step 1, by Linus.' })) } });
    const env = repo.env(ada, '2024-03-04T10:00:00+00:00');
    repo.git(['merge', '-q', '--no-ff', '--no-commit', 'feature'], env);
    writeFileSync(path.join(repo.dir, 'content/ops/runbook.md'), page(lines({ 0: 'Step 1, by Linus.', 4: 'Step 5, settled in the merge.', 8: 'Step 9, by Grace.' })));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'Merge feature, fixing step 5'], env);
    merge = repo.git(['rev-parse', 'HEAD']).trim();
    site = buildSite(repo.dir);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });
  afterAll(() => repo?.remove());

  it("shows the merge's own lines marked against both parents, and only them", () => {
    const own = mergeOwnLines(repo.dir, merge, 'content/ops/runbook.md');
    expect(own).toEqual({ added: ['Step 5, settled in the merge.'], removed: ['Step 5.'] });
    const history = site.html('/ops/runbook/history/');
    const entry = history.match(new RegExp(`<li class="revision" id="r-${merge.slice(0, 7)}">[\\s\\S]*?</li>`))![0];
    expect(entry).toContain('<span class="badge merge">merge</span>');
    const table = entry.match(/<table class="diff diff-combined">[\s\S]*?<\/table>/)![0];
    // One column per parent, named by its commit.
    for (const n of [1, 2]) expect(table).toContain(`<abbr title="against parent ${n}, ${repo.git(['rev-parse', '--short=7', `${merge}^${n}`]).trim()}">${n}</abbr>`);
    expect(table).toMatch(/<tr class="diff-own"><td class="mark" aria-hidden="true">\+<\/td><td class="mark" aria-hidden="true">\+<\/td><td class="ln">8<\/td><td class="code"><span class="sr-only">written in this merge: <\/span>Step 5, settled in the merge.<\/td><\/tr>/);
    expect(table).toMatch(/<tr class="diff-ownRemoved"><td class="mark" aria-hidden="true">−<\/td><td class="mark" aria-hidden="true">−<\/td><td class="ln"><\/td><td class="code"><span class="sr-only">removed in this merge: <\/span>Step 5.<\/td><\/tr>/);
    // The sides' own changes (steps 1 and 9) are the branches' revisions, beyond the merge's hunk.
    expect(table).not.toContain('by Linus');
    expect(table).not.toContain('by Grace');
  });
});
