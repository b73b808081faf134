// `wiki check` keeps page outlines between runs beside the history cache: a warm run reports what a cold one does, `--no-cache` keeps nothing, a tracked folder is not trusted.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, writeFixtureInRepository as writeFixture } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

// More pages than the worker pool's threshold, so a cold run reads them ahead on worker threads.
const pages = Object.fromEntries(
  Array.from({ length: 70 }, (_, n) => [`content/c${n % 3}/page-${n}.md`, `# Page ${n}\n\nSee [[page-${n + 1}]] and [[page-${n}#Nowhere]].\n\n## Steps\n\n${n === 7 ? '{% include x %}\n' : 'Text.\n'}`]),
);
const files = { 'wiki.config.yml': 'title: Fixture\n', ...pages, 'content/c0/calc.mdx': '# Calc\n\n{1 +}\n' };
const withoutTime = (stdout: string) => stdout.replace(/ \(\d+\.\d\d s\)\n$/, '\n');

describe('wiki check outline cache', () => {
  it('reports the same findings cold, warm and without the cache, and reads a changed page again', () => {
    const root = writeFixture(files);
    const cache = path.join(root, '..', `${path.basename(root)}-cache`);
    const env = { WIKI_HISTORY_CACHE: cache };
    const none = wiki(root, ['check', '--no-cache'], env);
    expect(none.stdout).toMatch(/page-69\.md:3:5: warning: broken \[\[page-70\]\]/);
    expect(none.stdout).toMatch(/calc\.mdx:3:\d+: error: .*could not be parsed/);
    expect(none.stdout).toMatch(/page-7\.md:\d+:\d+: warning: .*template/i);
    expect(existsSync(cache)).toBe(false);
    const cold = wiki(root, ['check'], env);
    expect(readdirSync(cache).filter((f) => f.startsWith('outlines-'))).toHaveLength(1);
    const warm = wiki(root, ['check'], env);
    expect(withoutTime(cold.stdout)).toBe(withoutTime(none.stdout));
    expect(withoutTime(warm.stdout)).toBe(withoutTime(none.stdout));
    expect([cold.status, warm.status]).toEqual([none.status, none.status]);

    writeFileSync(path.join(root, 'content/c1/page-1.md'), '# Page 1\n\nNow [[page-99]].\n');
    const changed = wiki(root, ['check'], env);
    expect(changed.stdout).toMatch(/page-1\.md:3:5: warning: broken \[\[page-99\]\]/);
    expect(changed.stdout).not.toMatch(/page-1\.md.*page-2\]\]/);
  });

  it('does not use a cache folder git tracks files in, and says so', () => {
    const root = writeFixture(files);
    mkdirSync(path.join(root, 'cache'));
    writeFileSync(path.join(root, 'cache/outlines-0.json'), '{}');
    git(root, ['add', 'cache']);
    const result = wiki(root, ['check'], { WIKI_HISTORY_CACHE: path.join(root, 'cache') });
    expect(result.stdout).toMatch(/^cache: warning: the cache folder holds files git tracks/m);
    expect(readdirSync(path.join(root, 'cache'))).toEqual(['outlines-0.json']);
  });
});
