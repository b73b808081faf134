// Runs in Node: writes a synthetic wiki (config and page files, no git) for benchmarks; deterministic for a seed.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './random.ts';

export interface SyntheticOptions {
  pages: number;
  /** Words per page body, on average. */
  words?: number;
  communities?: number;
  /** Share of pages written in French (lang: fr), so the index has a second language. */
  french?: number;
  seed?: number;
  /** Real prose whose words lead the vocabulary (the sample wiki), so common words are real ones. */
  corpusDir?: string;
  /** One community whose pages sit in nested folders (areas, topics, some with a README), instead of `communities` flat ones. */
  nested?: boolean;
}

export interface SyntheticWiki {
  root: string;
  pages: number;
  words: number;
  bytes: number;
  vocabulary: number;
}

const SYLLABLES = ['ka', 'lo', 'ri', 'ven', 'tor', 'mi', 'sal', 'bre', 'dun', 'po', 'ex', 'qua', 'ser', 'nil', 'ath', 'ux', 'gre', 'fol', 'in', 'ton', 'per', 'sta', 'cor', 'ment', 'ble', 'tion', 'ous', 'ary'];
const FRENCH = 'les sauvegardes de la base sont vérifiées chaque semaine avant une migration restaurer la copie sur un environnement de test avec des données anonymisées vérifier que le serveur répond lancez la commande depuis un replica en lecture seule gardez les journaux pendant trente jours la restauration prend une heure pour une base de cent gigaoctets prévenez équipe plateforme avant de commencer'.split(' ');
const TAGS = ['postgres', 'kubernetes', 'backups', 'incident', 'onboarding', 'security', 'observability', 'deploys', 'networking', 'interviews', 'accessibility', 'design-system', 'billing', 'compliance', 'testing', 'performance', 'mobile', 'data', 'search', 'writing'];
const TYPES = ['how-to', 'lesson-learned', 'faq', 'decision', 'glossary', 'playbook', 'reference'];

function corpusWords(dir: string | undefined): string[] {
  if (!dir) return [];
  const counts = new Map<string, number>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.mdx?$/.test(name)) for (const w of readFileSync(file, 'utf8').toLowerCase().match(/[a-z][a-z'-]{1,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  };
  walk(dir);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

/** Function words keep their (high) ranks in every community; every other word is a topic word. */
const FUNCTION_WORDS = new Set(
  ('the of and to a in is it you that he was for on are with as his they be at one have this from or had by not but what all were we when ' +
    'your can said there use an each which she do how their if will up other about out many then them these so some her would make like him ' +
    'into has more two go see no way could my than been who its now did get come made may part over new only any after also most before ' +
    'should because does our such here where why just very through much those both while same each own under again once every few').split(' '),
);

/**
 * A vocabulary with a real-prose head and a long tail of made-up words (names, jargon, identifiers),
 * drawn with Zipf's law, so the index has the many rare words a real wiki of this size has. Function
 * words rank the same everywhere; every other word has a rank of its own in each community (its
 * topics), so a word is frequent in some communities and rare in others, as in a real wiki.
 */
function vocabulary(rand: () => number, head: string[], size: number, topics: number): { words: string[]; draw: (topic: number) => string } {
  const seen = new Set(head);
  const words = [...head];
  while (words.length < size) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!seen.has(w)) (seen.add(w), words.push(w));
  }
  const orders = Array.from({ length: topics }, () => {
    const order = [...words];
    const slots = order.flatMap((w, i) => (FUNCTION_WORDS.has(w) ? [] : [i]));
    for (let k = slots.length - 1; k > 0; k--) {
      const a = slots[k]!;
      const b = slots[Math.floor(rand() * (k + 1))]!;
      [order[a], order[b]] = [order[b]!, order[a]!];
    }
    return order;
  });
  // Zipf (s = 1): the cumulative weights 1/rank, sampled by binary search.
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((total += 1 / r));
  const draw = (topic: number) => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return orders[topic % topics]![lo]!;
  };
  return { words, draw };
}

const NESTED_AREAS = 12;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Where page i of the nested shape lives: a few pages straight in the community, some in an area
 * (area-00…area-11, the first of each with a README), most in a topic of an area, topic sizes skewed
 * so that a few folders hold hundreds of pages, as real big communities do.
 */
function nestedFolder(rand: () => number, i: number): string {
  if (i < NESTED_AREAS * 3) return `area-${pad(i % NESTED_AREAS)}`;
  const r = rand();
  if (r < 0.02) return '';
  const area = `area-${pad(Math.floor(rand() * rand() * NESTED_AREAS))}`;
  if (r < 0.15) return area;
  const topic = `topic-${pad(Math.floor(rand() * rand() * 10))}`;
  return r < 0.9 ? path.join(area, topic) : path.join(area, topic, `part-${pad(Math.floor(rand() * 4))}`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function writeSyntheticWiki(root: string, options: SyntheticOptions): SyntheticWiki {
  const { pages, words: perPage = 600, french = 0.03, seed = 1, nested = false } = options;
  const communities = nested ? 1 : (options.communities ?? 12);
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const vocab = vocabulary(rand, corpusWords(options.corpusDir), 40_000, communities);
  mkdirSync(path.join(root, 'content'), { recursive: true });
  writeFileSync(path.join(root, 'wiki.config.yml'), 'title: Synthetic wiki\ncontent: content\nlanguage: en\n');
  let totalWords = 0;
  let bytes = 0;
  const sentence = (draw: () => string, n: number) => capitalise(Array.from({ length: n }, draw).join(' ')) + '.';
  for (let c = 0; c < communities; c++) {
    const dir = path.join(root, 'content', `community-${String(c).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    const draw = () => vocab.draw(c);
    writeFileSync(path.join(dir, 'community.yml'), `name: ${capitalise(draw())} ${capitalise(pick(TAGS))} guild\ndescription: ${sentence(draw, 8)}\n`);
  }
  for (let i = 0; i < pages; i++) {
    const topic = i % communities;
    const community = `community-${String(topic).padStart(2, '0')}`;
    const folder = nested ? nestedFolder(rand, i) : `topic-${String(Math.floor(i / communities) % 40).padStart(2, '0')}`;
    const isFrench = rand() < french;
    const draw = isFrench ? () => pick(FRENCH) : () => vocab.draw(topic);
    const title = Array.from({ length: 3 + Math.floor(rand() * 4) }, draw).join(' ');
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(TAGS)))];
    const lines = ['---', `title: ${capitalise(title)} ${i}`, `tags: [${tags.join(', ')}]`, `type: ${pick(TYPES)}`, ...(isFrench ? ['lang: fr'] : []), '---', ''];
    let written = 0;
    let sinceHeading = Infinity;
    const target = Math.round(perPage * (0.6 + rand() * 0.8));
    while (written < target) {
      if (sinceHeading >= 150) {
        lines.push(`## ${capitalise(Array.from({ length: 2 + Math.floor(rand() * 3) }, draw).join(' '))}`, '');
        sinceHeading = 0;
      }
      const paragraph: string[] = [];
      let n = 0;
      for (const limit = 40 + Math.floor(rand() * 50); n < limit; ) {
        const len = 6 + Math.floor(rand() * 14);
        paragraph.push(sentence(draw, len));
        n += len;
      }
      lines.push(paragraph.join(' '), '');
      written += n;
      sinceHeading += n;
    }
    const text = lines.join('\n');
    const file = path.join(root, 'content', community, folder, nested && i < NESTED_AREAS ? 'README.md' : `page-${i}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    totalWords += written;
    bytes += Buffer.byteLength(text);
  }
  return { root, pages, words: totalWords, bytes, vocabulary: vocab.words.length };
}
