import { describe, expect, it } from 'vitest';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

const files = {
  'ops/README.md': '# Platform ops',
  'ops/deploy-checklist.md': '# Deploy checklist\n## Before you start\n',
  'ops/runbooks/restore-from-backup.md': '# Restore from backup\n## Verify the restore\n',
  'ops/runbooks/README.md': '# Runbooks',
  'ops/postgres/index-tuning.md': '---\ntitle: Index tuning for Postgres\n---\n## Partial indexes\n',
  'research/Interview notes.md': '# Interview notes',
  'research/Synthesis/Affinity mapping.md': '# Affinity mapping',
  'research/Synthesis/README.md': '# Synthesis',
  'research/templates/consent form.txt': 'text',
};

function linksFrom(source: string, from = 'ops/runbooks/new.md') {
  const model = modelOf({ ...files, [from]: source });
  const id = from.replace(/\.md$/, '').toLowerCase().replaceAll(' ', '-');
  return { model, links: page(model, id).links.map((l) => l.to), errors: errorsIn(model) };
}

describe('wikilinks', () => {
  it('resolve a file name in the same folder or community, a community path, and a title', () => {
    const { links, errors } = linksFrom('[[restore-from-backup]] [[deploy-checklist]] [[ops/postgres/index-tuning]] [[Index tuning for Postgres]] [[research/Interview notes]]');
    expect(errors).toEqual([]);
    expect(links).toEqual(['ops/runbooks/restore-from-backup', 'ops/deploy-checklist', 'ops/postgres/index-tuning', 'ops/postgres/index-tuning', 'research/interview-notes']);
  });
  it('resolve a path relative to the community and a community home', () => {
    const { links, errors } = linksFrom('[[postgres/index-tuning]] [[runbooks/restore-from-backup|restore]] [[ops/README]] [[ops]]', 'ops/other.md');
    expect(errors).toEqual([]);
    expect(links).toEqual(['ops/postgres/index-tuning', 'ops/runbooks/restore-from-backup', 'ops', 'ops']);
  });
  it('check the heading of [[page#heading]] exists, warning when it does not', () => {
    const ok = linksFrom('[[deploy-checklist#Before you start]]');
    expect(ok.model.problems).toEqual([]);
    const missing = linksFrom('[[deploy-checklist#After you finish]]');
    expect(missing.model.problems).toMatchObject([{ severity: 'warning', line: 1 }]);
    expect(missing.model.problems[0]!.message).toMatch(/no heading "After you finish"/);
  });
  it('list every broken link with file, line and link text', () => {
    const { errors } = linksFrom('Intro\n\nSee [[nowhere]] and\n[[ops/nothing|label]].\n\n`[[in code]]` is not a link.\n\n```\n[[nor this]]\n```');
    expect(errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`)).toEqual([
      'content/ops/runbooks/new.md:3:5 broken [[nowhere]]: no page has this path, file name or title',
      'content/ops/runbooks/new.md:4:1 broken [[ops/nothing|label]]: no page has this path, file name or title',
    ]);
  });
  it('count lines after front matter from the top of the file', () => {
    const { errors } = linksFrom('---\ntitle: T\n---\n\n[[gone]]');
    expect(errors[0]).toMatchObject({ line: 5 });
  });
  it('call an ambiguous name ambiguous', () => {
    const model = modelOf({ 'a/x/notes.md': '', 'a/y/notes.md': '', 'a/z.md': '[[notes]]' });
    expect(errorsIn(model)[0]!.message).toMatch(/ambiguous.*a\/x\/notes.md or a\/y\/notes.md/);
  });
});

describe('relative Markdown links', () => {
  it('resolve .md files, names with spaces (encoded or in angle brackets), folders and assets', () => {
    const { links, errors } = linksFrom(
      '[a](../Interview%20notes.md) [b](<Affinity mapping.md>) [c](./) [d](<../templates/consent form.txt>) [e](https://example.org) [f](#top) [g](../../../x.md)',
      'research/Synthesis/page.md',
    );
    expect(errors.map((e) => e.message)).toEqual(['broken link to "../../../x.md": the link climbs above the content folder']);
    expect(links).toEqual(['research/interview-notes', 'research/synthesis/affinity-mapping', 'research/synthesis', 'research/templates/consent-form.txt', 'research/synthesis/page']);
  });
  it('report a link to a missing file', () => {
    const { errors } = linksFrom('[x](../missing.md) ![y](img/none.png)');
    expect(errors.map((e) => e.message)).toEqual(['broken link to "../missing.md": no such page file', 'broken link to "img/none.png": no such file in the content folder']);
  });
});

describe('backlinks', () => {
  it('list each linking page once and mark other communities', () => {
    const model = modelOf({ ...files, 'ops/a.md': '[[deploy-checklist]] [[deploy-checklist]]', 'research/b.md': '[[ops/deploy-checklist]]' });
    expect(page(model, 'ops/deploy-checklist').backlinks).toEqual([
      { from: 'ops/a', crossCommunity: false },
      { from: 'research/b', crossCommunity: true },
    ]);
  });
});
