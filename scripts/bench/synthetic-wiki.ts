// Runs in Node: writes a deterministic synthetic wiki (communities, nested folders, wikilinks between pages) for benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './random.ts';

export interface SyntheticWikiOptions {
  pages: number;
  communities: number;
  /** Seed of the pseudo-random choices, so every run writes the same wiki. */
  seed?: number;
}

const WORDS = (
  'index replica backup restore latency deploy rollback incident review interview participant synthesis ' +
  'query vacuum partition cache queue retry timeout alert dashboard runbook owner steward decision lesson'
).split(' ');
const TYPES = ['how-to', 'lesson-learned', 'faq', 'decision', 'reference', 'playbook'];
const FOLDERS = ['', 'runbooks', 'decisions', 'notes/archive'];

interface PlannedPage {
  community: string;
  folder: string;
  name: string;
  title: string;
}

/** Writes `content/` and `wiki.config.yml` under `root`; returns the number of pages written. */
export function writeSyntheticWiki(root: string, options: SyntheticWikiOptions): number {
  const rand = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const communities = Array.from({ length: options.communities }, (_, i) => `community-${String(i).padStart(2, '0')}`);
  const pages: PlannedPage[] = Array.from({ length: options.pages }, (_, i) => {
    const community = communities[i % communities.length] as string;
    const title = `${pick(WORDS)} ${pick(WORDS)} ${i}`.replace(/^./, (c) => c.toUpperCase());
    return { community, folder: FOLDERS[i % FOLDERS.length] as string, name: `page-${String(i).padStart(5, '0')}`, title };
  });
  const write = (file: string, text: string) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  write('wiki.config.yml', 'title: Synthetic wiki\ncontent: content\n');
  communities.forEach((slug, i) => {
    write(`content/${slug}/community.yml`, `name: Community ${i}\nstewards:\n  - name: Steward ${i}\n    github: steward-${i}\n`);
    write(`content/${slug}/README.md`, `# Community ${i}\n\nWhat community ${i} knows.\n`);
  });
  for (const page of pages) {
    const links = Array.from({ length: 3 }, () => {
      const target = pick(pages);
      return `[[${[target.community, target.folder, target.name].filter((p) => p !== '').join('/')}|${target.title}]]`;
    });
    const paragraphs = Array.from({ length: 6 }, (_, p) => {
      const sentence = Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
      return `## Part ${p + 1}\n\n${sentence}.${p === 0 ? ` See ${links.join(', ')}.` : ''}`;
    });
    const front = ['---', `title: ${page.title}`, `tags: [${pick(WORDS)}, ${pick(WORDS)}]`, `type: ${pick(TYPES)}`, 'review-by: 2099-01-31', '---'];
    write(`content/${[page.community, page.folder, page.name].filter((p) => p !== '').join('/')}.md`, [...front, '', ...paragraphs, ''].join('\n'));
  }
  return pages.length;
}
