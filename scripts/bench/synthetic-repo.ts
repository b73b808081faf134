// Runs in Node (benchmarks): generates a synthetic wiki repository of N pages, M commits and K authors with `git fast-import`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from './random.ts';

export interface SyntheticRepoOptions {
  dir: string;
  pages: number;
  commits: number;
  authors: number;
  seed?: number;
  /** Communities (top-level folders); default one per 500 pages, at least 2. */
  communities?: number;
  /** Leave the pages checked out in the work tree (needed to build the site; not to read history). */
  checkout?: boolean;
  /** Chance that an edit moves its page elsewhere instead (default 0.01). */
  moveRate?: number;
  /**
   * Commits that reorganise a community: a batch of its pages moves into per-group folders, each page
   * lightly edited on the way (so pairing them is by similarity, not by blob), some leaving a stub at
   * the old path (default 0: none).
   */
  reorganisations?: number;
  /** About how many pages one reorganisation moves (default 80: between 40 and 120). */
  reorganisationSize?: number;
  /** Share of the pages a reorganisation moves that leave a stub behind (default 0.5). */
  stubRate?: number;
  /** Chance that a new page starts as a copy of its community's template (default 0). */
  templateRate?: number;
  /** Chance that an edit commit cuts a section out of one page and pastes it into another (default 0). */
  sectionMoveRate?: number;
  /** The folder the pages live in, from the repository root (default `content`; `''` or `.`: the repository root). */
  contentDir?: string;
  /**
   * Each community folder gets a community.yml naming two stewards, and the repository a .mailmap folding
   * a second address of some authors into their first, in the first commit (default false).
   */
  communityFiles?: boolean;
  /**
   * Pages as documentation sites have them: front matter with a title (no level-1 heading), lists,
   * fenced code, tables, links to earlier pages and to the web; edits change prose lines only, so
   * code blocks and tables stay whole (default false: headings and paragraphs, as before).
   */
  rich?: boolean;
}

export interface SyntheticRepo {
  dir: string;
  contentDir: string;
  commits: number;
  merges: number;
  renames: number;
  /** Stubs left at old paths, pages begun from a template, sections cut from one page into another. */
  stubs: number;
  templateCopies: number;
  sectionMoves: number;
}

const VOCABULARY = (
  'postgres index vacuum replica lag backup restore deploy rollout canary certificate rotate queue worker cache ' +
  'latency budget incident review runbook checklist interview synthesis persona recruit consent survey insight ' +
  'design token component accessibility contrast keyboard screen reader migration schema partition shard ' +
  'terraform kubernetes node pod autoscale alert pager dashboard metric trace log retention archive policy ' +
  'the a of to and in for with on when we our team because after before never always usually check run'
).split(' ');

interface Draw {
  (): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

function drawFrom(seed: number): Draw {
  const next = seededRandom(seed);
  const draw = (() => next()) as Draw;
  draw.int = (n) => Math.floor(next() * n);
  draw.pick = (items) => items[Math.floor(next() * items.length)]!;
  return draw;
}

const sentence = (draw: Draw) => {
  const words = Array.from({ length: 8 + draw.int(14) }, () => draw.pick(VOCABULARY));
  return words[0]!.charAt(0).toUpperCase() + words.join(' ').slice(1) + '.';
};

const COMMANDS = ['kubectl get pods -n', 'psql -c "select 1" -h', 'terraform plan -target', 'git log --oneline --', 'curl -fsS https://status.example.org/', 'pg_dump --schema-only'];

/** A rich page (see `rich`): `links` are paths relative to the page, of pages written before it. */
function richPageText(draw: Draw, title: string, links: string[]): string[] {
  const words = (n: number) => Array.from({ length: n }, () => draw.pick(VOCABULARY)).join(' ');
  const lines = ['---', `title: ${title}`, `description: ${sentence(draw)}`, '---', '', sentence(draw) + ' ' + sentence(draw), ''];
  const sections = 2 + draw.int(4);
  for (let s = 0; s < sections; s++) {
    lines.push(`## ${sentence(draw).split(' ').slice(0, 3).join(' ').replace(/\.$/, '')}`, '');
    for (let p = 0, n = 1 + draw.int(3); p < n; p++) lines.push(sentence(draw) + ' ' + sentence(draw), '');
    const kind = draw.int(4);
    if (kind === 0) {
      for (let i = 0, n = 3 + draw.int(4); i < n; i++) lines.push(`- ${words(3 + draw.int(6))}`);
      lines.push('');
    } else if (kind === 1) {
      for (let i = 0, n = 3 + draw.int(3); i < n; i++) lines.push(`${i + 1}. ${words(4 + draw.int(6))}`);
      lines.push('');
    } else if (kind === 2) {
      lines.push('```sh');
      for (let i = 0, n = 2 + draw.int(5); i < n; i++) lines.push(`${draw.pick(COMMANDS)} ${draw.pick(VOCABULARY)}-${draw.int(100)}`);
      lines.push('```', '');
    } else {
      lines.push('| Setting | Value | Why |', '| --- | --- | --- |');
      for (let i = 0, n = 2 + draw.int(5); i < n; i++) lines.push(`| \`${draw.pick(VOCABULARY)}_${draw.pick(VOCABULARY)}\` | ${draw.int(1000)} | ${words(4 + draw.int(5))} |`);
      lines.push('');
    }
  }
  if (links.length) {
    lines.push('## See also', '');
    for (const link of links) lines.push(`- [${link.slice(link.lastIndexOf('/') + 1, -3)}](${link})`);
    lines.push(`- [${words(2)}](https://example.org/${draw.pick(VOCABULARY)}/${draw.int(1000)})`, '');
  }
  return lines;
}

/** Rich edits (see `rich`): the same kinds of change, on prose lines only. */
function editProse(draw: Draw, lines: string[]): string[] {
  const next = [...lines];
  for (let edits = 1 + draw.int(3); edits > 0; edits--) {
    let fenced = false;
    const prose = next.flatMap((line, i) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && /^[A-Z]/.test(line) ? [i] : [];
    });
    const at = prose.length ? draw.pick(prose) : next.length;
    const kind = draw();
    if (kind < 0.5 && at < next.length) next[at] = sentence(draw);
    else if (kind < 0.85 || prose.length < 4) next.splice(at, 0, sentence(draw), '');
    else next.splice(at, 1);
  }
  return next;
}

/** A page's lines with another title (a page begun from a template). */
const retitled = (lines: string[], title: string, rich: boolean) => (rich ? [lines[0]!, `title: ${title}`, ...lines.slice(2)] : [`# ${title}`, ...lines.slice(1)]);

function pageText(draw: Draw, title: string): string[] {
  const lines = [`# ${title}`, ''];
  const sections = 2 + draw.int(3);
  for (let s = 0; s < sections; s++) {
    lines.push(`## ${sentence(draw).split(' ').slice(0, 3).join(' ').replace(/\.$/, '')}`, '');
    for (let p = 0, n = 2 + draw.int(4); p < n; p++) lines.push(sentence(draw) + ' ' + sentence(draw), '');
  }
  return lines;
}

/** One change to a page's lines: replace, insert or delete a line, the way people edit wiki pages. */
function editLines(draw: Draw, lines: string[]): string[] {
  const next = [...lines];
  for (let edits = 1 + draw.int(3); edits > 0; edits--) {
    const at = 2 + draw.int(Math.max(1, next.length - 2));
    const kind = draw();
    if (kind < 0.5) next[at] = sentence(draw);
    else if (kind < 0.85) next.splice(at, 0, sentence(draw), '');
    else if (next.length > 8) next.splice(at, 1);
  }
  return next;
}

/** A community's community.yml: its name and two stewards, authors of the history, one by GitHub handle and one by email. */
function communityYml(community: number, authors: number): string {
  const [a, b] = [community % authors, (community + 1) % authors];
  return [
    `name: Community ${community}`,
    `description: The people of community ${community}, and what they know.`,
    'stewards:',
    `  - name: Author ${a}`,
    `    github: author-${a}`,
    `  - name: Author ${b}`,
    `    email: author-${b}@example.org`,
    '',
  ].join('\n');
}

/** A .mailmap folding every fifth author's second address into their first. */
const mailmapText = (authors: number) =>
  Array.from({ length: Math.ceil(authors / 5) }, (_, i) => `Author ${5 * i} <author-${5 * i}@example.org> <author-${5 * i}@old.example.org>\n`).join('');

interface Branch {
  name: string;
  files: Map<string, string[]>;
}

/** Writes a fast-import stream: pages are created over the first third of the commits, then edited, moved and merged. */
type Stats = Omit<SyntheticRepo, 'dir' | 'contentDir' | 'commits'>;

/** Where a section (a `## ` heading and what follows, up to the next one) starts and ends in a page's lines; null when there is none. */
function sectionIn(draw: Draw, lines: string[]): [number, number] | null {
  const headings = lines.flatMap((line, i) => (line.startsWith('## ') ? [i] : []));
  if (headings.length < 2) return null;
  const k = draw.int(headings.length);
  return [headings[k]!, headings[k + 1] ?? lines.length];
}

async function* importStream(options: Required<Omit<SyntheticRepoOptions, 'dir' | 'checkout'>>, stats: Stats) {
  const draw = drawFrom(options.seed);
  // Paths below the content folder start with `prefix`: nothing when the pages sit at the repository root.
  const prefix = options.contentDir === '' || options.contentDir === '.' ? '' : `${options.contentDir}/`;
  const edit = options.rich ? editProse : editLines;
  // A few people write most of the pages, as in real communities.
  const authorOf = () => Math.min(options.authors - 1, Math.floor(options.authors * Math.pow(draw(), 2.2)));
  const folders = Math.max(1, Math.ceil(options.pages / 40));
  const pathOf = (i: number, folder = i % folders) => `${prefix}community-${folder % options.communities}/topic-${folder}/page-${i}.md`;
  const main: Branch = { name: 'main', files: new Map() };
  const pagePaths: string[] = [];
  const creationCommits = Math.max(1, Math.floor(options.commits / 3));
  let created = 0;
  // About two hours between commits, ending near the start of 2026 whatever the size.
  let time = Date.UTC(2026, 0, 1) / 1000 - options.commits * (600 + 2 * 3600);
  let mark = 0;
  let mainTip = 0;
  let topic: { branch: Branch; until: number } | undefined;
  // Reorganisations are spread evenly over the commits after the pages were created; one waits for a commit on main.
  const reorganiseAt = new Set(Array.from({ length: options.reorganisations }, (_, r) => creationCommits + Math.floor(((options.commits - creationCommits) * (r + 0.5)) / options.reorganisations)));
  let reorganisationsDue = 0;
  const templateOf = (community: number) => `${prefix}community-${community}/template.md`;
  const templates = new Map<number, string[]>();
  const onTopicBranch = (file: string) => topic?.branch.files.has(file) ?? false;

  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commitHeader = (ref: string, message: string, author: number) => {
    time += 600 + draw.int(4 * 3600);
    const who = `Author ${author} <author-${author}@example.org> ${time} +0000`;
    mark++;
    if (ref === 'main') mainTip = mark;
    return `commit refs/heads/${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(message)}`;
  };

  for (let c = 0; c < options.commits; c++) {
    const onTopic = topic !== undefined && c < topic.until && draw() < 0.5;
    const branch = onTopic ? topic!.branch : main;
    const author = authorOf();
    const changes: string[] = [];
    let merging: Branch | undefined;
    if (topic && c >= topic.until && branch === main) {
      merging = topic.branch;
      topic = undefined;
    }
    const remaining = options.pages - created;
    const toCreate = c >= creationCommits - 1 ? remaining : Math.min(remaining, Math.round((options.pages / creationCommits) * (0.5 + draw())));
    if (c === 0 && options.communityFiles) {
      for (let k = 0; k < options.communities; k++) changes.push(`M 100644 inline ${prefix}community-${k}/community.yml\n${data(communityYml(k, options.authors))}`);
      changes.push(`M 100644 inline .mailmap\n${data(mailmapText(options.authors))}`);
    }
    if (c === 0 && options.templateRate > 0) {
      for (let k = 0; k < options.communities; k++) {
        const lines = options.rich ? richPageText(draw, `Template for community ${k}`, []) : pageText(draw, `Template for community ${k}`);
        templates.set(k, lines);
        main.files.set(templateOf(k), lines);
        changes.push(`M 100644 inline ${templateOf(k)}\n${data(lines.join('\n'))}`);
      }
    }
    for (let n = 0; n < toCreate; n++, created++) {
      const file = pathOf(created);
      const title = `Page ${created} ${draw.pick(VOCABULARY)} ${draw.pick(VOCABULARY)}`;
      const template = options.templateRate > 0 && draw() < options.templateRate ? templates.get((created % folders) % options.communities) : undefined;
      // A page begun from the template: its title, the template's sections, and a first paragraph of its own.
      const links = options.rich && pagePaths.length ? Array.from({ length: 1 + draw.int(3) }, () => path.posix.relative(path.posix.dirname(file), draw.pick(pagePaths))) : [];
      const lines = template
        ? [...retitled(template, title, options.rich), sentence(draw) + ' ' + sentence(draw), '']
        : options.rich
          ? richPageText(draw, title, links)
          : pageText(draw, title);
      if (template) stats.templateCopies++;
      main.files.set(file, lines);
      if (branch !== main) branch.files.set(file, lines);
      pagePaths.push(file);
      changes.push(`M 100644 inline ${file}\n${data(lines.join('\n'))}`);
    }
    if (reorganiseAt.has(c)) reorganisationsDue++;
    const reorganising = toCreate === 0 && reorganisationsDue > 0 && branch === main && !merging;
    const movingSection = toCreate === 0 && !reorganising && branch === main && !merging && options.sectionMoveRate > 0 && draw() < options.sectionMoveRate;
    if (reorganising) {
      reorganisationsDue--;
      // One community's pages move into per-group folders, edited on the way; some leave a stub at the old path.
      const community = draw.int(options.communities);
      const inCommunity = pagePaths.flatMap((file, index) => (file.startsWith(`${prefix}community-${community}/`) && !onTopicBranch(file) ? [index] : []));
      const batch = Math.min(inCommunity.length, Math.floor(options.reorganisationSize / 2) + draw.int(options.reorganisationSize));
      for (let n = 0; n < batch; n++) {
        const [index] = inCommunity.splice(draw.int(inCommunity.length), 1) as [number];
        const file = pagePaths[index]!;
        const moved = `${prefix}community-${community}/group-${draw.int(6)}/page-${index}.md`;
        if (moved === file) continue;
        const current = main.files.get(file)!;
        const next = draw() < 0.7 ? edit(draw, current) : current;
        main.files.delete(file);
        main.files.set(moved, next);
        pagePaths[index] = moved;
        stats.renames++;
        changes.push(`D ${file}\n`, `M 100644 inline ${moved}\n${data(next.join('\n'))}`);
        if (draw() < options.stubRate) {
          const stub = [...(options.rich ? ['---', 'title: Moved', '---'] : ['# Moved']), '', `This page is now at [${moved.slice(moved.lastIndexOf('/') + 1)}](/${moved}).`, ''];
          main.files.set(file, stub);
          changes.push(`M 100644 inline ${file}\n${data(stub.join('\n'))}`);
          stats.stubs++;
        }
      }
    } else if (movingSection) {
      // A section cut from one page and pasted into another in the same commit: moved text, as `git blame -C` finds it.
      const from = pagePaths[draw.int(pagePaths.length)]!;
      const to = pagePaths[draw.int(pagePaths.length)]!;
      const source = main.files.get(from);
      const target = main.files.get(to);
      const section = source && sectionIn(draw, source);
      if (from !== to && source && target && section && !onTopicBranch(from) && !onTopicBranch(to)) {
        const cut = source.slice(section[0], section[1]);
        const rest = [...source.slice(0, section[0]), ...source.slice(section[1])];
        const pasteAt = sectionIn(draw, target)?.[1] ?? target.length;
        const pasted = [...target.slice(0, pasteAt), ...cut, ...target.slice(pasteAt)];
        main.files.set(from, rest);
        main.files.set(to, pasted);
        changes.push(`M 100644 inline ${from}\n${data(rest.join('\n'))}`, `M 100644 inline ${to}\n${data(pasted.join('\n'))}`);
        stats.sectionMoves++;
      }
    } else if (toCreate === 0 && pagePaths.length > 0) {
      for (let n = 1 + draw.int(2); n > 0; n--) {
        const index = branch === main ? draw.int(pagePaths.length) : pagePaths.indexOf(draw.pick([...branch.files.keys()]));
        const file = pagePaths[index]!;
        // While a topic branch is open, main leaves its pages alone, so the merge has no conflicts.
        if (branch === main && topic?.branch.files.has(file)) continue;
        const current = branch.files.get(file);
        if (!current) continue;
        if (branch === main && draw() < options.moveRate) {
          const moved = pathOf(index, draw.int(folders)).replace(/\.md$/, `-moved-${c}.md`);
          main.files.delete(file);
          main.files.set(moved, current);
          pagePaths[index] = moved;
          changes.push(`R ${file} ${moved}\n`);
          stats.renames++;
          continue;
        }
        const next = edit(draw, current);
        branch.files.set(file, next);
        changes.push(`M 100644 inline ${file}\n${data(next.join('\n'))}`);
      }
    }
    if (merging) {
      // The merge brings the topic's versions of the pages it touched (the topic edits pages main leaves alone).
      for (const [file, lines] of merging.files) {
        if (main.files.get(file) === lines) continue;
        main.files.set(file, lines);
        changes.push(`M 100644 inline ${file}\n${data(lines.join('\n'))}`);
      }
      stats.merges++;
      yield commitHeader('main', `Merge branch '${merging.name}'`, author) + `merge refs/heads/${merging.name}\n` + changes.join('');
      continue;
    }
    const message = reorganising
      ? 'Move pages into group folders'
      : movingSection
        ? 'Move a section to another page'
        : toCreate > 0
          ? `Add ${toCreate} page${toCreate === 1 ? '' : 's'}`
          : `Edit ${changes.length} page${changes.length === 1 ? '' : 's'}`;
    yield commitHeader(branch.name, message, author) + changes.join('');
    // Every so often a topic branch starts from main: its edits go to pages main does not touch meanwhile.
    if (!topic && created === options.pages && draw() < 0.02 && c + 6 < options.commits) {
      const name = `topic-${c}`;
      const picked = new Map<string, string[]>();
      for (let n = 0; n < 3; n++) {
        const file = draw.pick(pagePaths);
        picked.set(file, main.files.get(file)!);
      }
      topic = { branch: { name, files: picked }, until: c + 2 + draw.int(5) };
      yield `reset refs/heads/${name}\nfrom :${mainTip}\n\n`;
    }
  }
}

export async function generateSyntheticRepo(options: SyntheticRepoOptions): Promise<SyntheticRepo> {
  const settings = {
    pages: options.pages,
    commits: Math.max(options.commits, 1),
    authors: Math.max(options.authors, 1),
    seed: options.seed ?? 1,
    communities: options.communities ?? Math.max(2, Math.ceil(options.pages / 500)),
    moveRate: options.moveRate ?? 0.01,
    reorganisations: options.reorganisations ?? 0,
    reorganisationSize: options.reorganisationSize ?? 80,
    stubRate: options.stubRate ?? 0.5,
    templateRate: options.templateRate ?? 0,
    sectionMoveRate: options.sectionMoveRate ?? 0,
    contentDir: options.contentDir ?? 'content',
    communityFiles: options.communityFiles ?? false,
    rich: options.rich ?? false,
  };
  mkdirSync(options.dir, { recursive: true });
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-C', options.dir, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  git('init', '-q', '-b', 'main');
  const stats: Stats = { merges: 0, renames: 0, stubs: 0, templateCopies: 0, sectionMoves: 0 };
  const importer = spawn('git', ['-C', options.dir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
  // A failing importer reports through its exit code and stderr; the broken pipe adds nothing.
  importer.stdin.on('error', () => {});
  const finished = new Promise<number>((resolve, reject) => {
    importer.on('error', reject);
    importer.on('close', (code) => resolve(code ?? 1));
  });
  for await (const chunk of importStream(settings, stats)) {
    if (importer.exitCode !== null) break;
    if (!importer.stdin.write(chunk)) await new Promise((resolve) => importer.stdin.once('drain', resolve));
  }
  importer.stdin.end('done\n');
  if ((await finished) !== 0) throw new Error('git fast-import failed');
  for (const ref of git('for-each-ref', '--format=%(refname:short)', 'refs/heads/topic-*').split('\n').filter(Boolean)) git('branch', '-q', '-D', ref);
  git('repack', '-a', '-d', '-q');
  if (options.checkout) git('checkout', '-q', '-f', 'main');
  else git('symbolic-ref', 'HEAD', 'refs/heads/main');
  return { dir: options.dir, contentDir: path.join(options.dir, settings.contentDir), commits: settings.commits, ...stats };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      pages: { type: 'string', default: '1000' },
      commits: { type: 'string', default: '5000' },
      authors: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      communities: { type: 'string' },
      'community-files': { type: 'boolean', default: false },
      'move-rate': { type: 'string' },
      reorganisations: { type: 'string' },
      'reorganisation-size': { type: 'string' },
      'stub-rate': { type: 'string' },
      'template-rate': { type: 'string' },
      'section-move-rate': { type: 'string' },
      'content-dir': { type: 'string' },
      rich: { type: 'boolean', default: false },
      checkout: { type: 'boolean', default: false },
    },
  });
  if (!values.dir) {
    console.error(
      'usage: node scripts/bench/synthetic-repo.ts --dir DIR [--pages N] [--commits M] [--authors K] [--seed S] [--communities C] [--community-files] [--move-rate P] [--reorganisations R] [--reorganisation-size N] [--stub-rate P] [--template-rate P] [--section-move-rate P] [--content-dir DIR] [--rich] [--checkout]',
    );
    process.exit(2);
  }
  const started = performance.now();
  const repo = await generateSyntheticRepo({
    dir: path.resolve(values.dir),
    pages: Number(values.pages),
    commits: Number(values.commits),
    authors: Number(values.authors),
    seed: Number(values.seed),
    ...(values.communities ? { communities: Number(values.communities) } : {}),
    ...(values['move-rate'] ? { moveRate: Number(values['move-rate']) } : {}),
    ...(values.reorganisations ? { reorganisations: Number(values.reorganisations) } : {}),
    ...(values['reorganisation-size'] ? { reorganisationSize: Number(values['reorganisation-size']) } : {}),
    ...(values['stub-rate'] ? { stubRate: Number(values['stub-rate']) } : {}),
    ...(values['template-rate'] ? { templateRate: Number(values['template-rate']) } : {}),
    ...(values['section-move-rate'] ? { sectionMoveRate: Number(values['section-move-rate']) } : {}),
    ...(values['content-dir'] ? { contentDir: values['content-dir'] } : {}),
    rich: values.rich,
    communityFiles: values['community-files'],
    checkout: values.checkout,
  });
  console.log(`${repo.dir}: ${repo.commits} commits (${repo.merges} merges, ${repo.renames} renames, ${repo.stubs} stubs, ${repo.templateCopies} from templates, ${repo.sectionMoves} sections moved) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
