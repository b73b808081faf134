// The build's closing list of files not published: grouped by reason, short at any number of files.
import { describe, expect, it } from 'vitest';
import { unpublishedSummary } from '../../src/lib/content/unpublished.ts';
import type { UnpublishedFile } from '../../src/lib/content/types.ts';
import { toContentPath } from '../../src/lib/content/paths.ts';

const file = (name: string, reason: string): UnpublishedFile => ({ path: toContentPath(name.replace(/\/$/, '')), file: `content/${name}`, reason, severity: 'notice' });

describe('the list of files not published', () => {
  it('says nothing when every file is published', () => {
    expect(unpublishedSummary([])).toEqual([]);
  });

  it('groups by reason, most files first, with counts and the first paths', () => {
    const files = [file('.git/', 'hidden'), file('a.py', 'py'), file('b.py', 'py'), file('c.py', 'py'), file('d.py', 'py')];
    expect(unpublishedSummary(files, { examples: 2, fullList: 'run check' })).toEqual([
      '1 folder and 4 files in the content folder not published (run check):',
      '  4 py: content/a.py, content/b.py and 2 more',
      '  1 hidden: content/.git/',
    ]);
  });

  it('stays a few lines long at 10,000 files', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => file(`gen/page-${i}.html`, i % 2 ? 'html' : 'js'));
    const lines = unpublishedSummary(files);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('10,000 files in the content folder not published:');
    expect(lines[1]).toBe('  5,000 html: content/gen/page-1.html, content/gen/page-3.html, content/gen/page-5.html and 4,997 more');
    expect(lines.join('\n').length).toBeLessThan(400);
  });
});
