// Runs in Node: `wiki new <community> "<title>" [--type how-to] [--tags a,b]` writes a draft page in the right folder.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Community } from '../../src/lib/content/types.ts';
import { pageHref, pageIdFor, toContentPath } from '../../src/lib/content/paths.ts';
import { slugSegment } from '../../src/lib/content/slugs.ts';
import { urlNamesFor } from '../../src/lib/content/url-names.ts';
import { PAGE_TYPES } from '../../src/lib/content/schemas.ts';
import { newPageText, pageFileName } from '../../src/lib/contributing/new-page.ts';
import { nearest } from '../../src/lib/contributing/suggest.ts';
import { shellQuote } from '../../src/lib/shell-quote.ts';
import { escaped } from '../../src/lib/terminal-text.ts';
import { locatedOrThrow, type LocationResult } from '../../src/lib/location-fs.ts';
import { loadWiki } from '../../src/lib/wiki-fs.ts';
import { parseOrExitCode, readArgs, UsageError } from './usage.ts';

const USAGE = [
  'Usage: npm run wiki -- new <community>[/<folder>…] "<title>" [--type <type>] [--tags a,b]',
  `  --type   one of: ${PAGE_TYPES.join(', ')}`,
  '  --tags   comma-separated tags, e.g. postgres,backups',
].join('\n');

type PageType = (typeof PAGE_TYPES)[number];

interface Options {
  target: string;
  title: string;
  type?: PageType;
  tags: string[];
}

function parse(argv: string[]): Options | 'help' {
  const { values, positionals } = readArgs({
    args: argv,
    options: { type: { type: 'string' }, tags: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length !== 2) throw new UsageError(`expected a community and a title, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
  const [target = '', title = ''] = positionals.map((p) => p.trim());
  if (target.split(/[\\/]/).some((segment) => segment === '.' || segment === '..')) throw new UsageError(`"${target}" must name a community and folders inside it, without . or ..`);
  if (!slugSegment(title)) throw new UsageError(`the title "${title}" has no letters or digits to name the file after`);
  const type = values.type;
  if (type !== undefined && !(PAGE_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of: ${PAGE_TYPES.join(', ')} (got "${type}")`);
  const tags = (values.tags ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  return { target, title, ...(type ? { type: type as PageType } : {}), tags };
}

function findCommunity(communities: readonly Community[], name: string): Community | undefined {
  const wanted = slugSegment(name);
  return communities.find((c) => c.slug === wanted || c.folder === name || c.name.toLowerCase() === name.toLowerCase());
}

export async function run(argv: string[], located: LocationResult): Promise<number> {
  const options = parseOrExitCode(argv, parse, USAGE);
  if (typeof options === 'number') return options;
  const wiki = loadWiki(locatedOrThrow(located));
  const { model, config, contentDir, root } = wiki;
  const [communityName = '', ...subFolders] = options.target.split('/').filter((s) => s !== '');
  // A folder with only a community.yml is how a community starts: its first page is written here.
  const community = findCommunity([...model.communities, ...(model.startingCommunities ?? [])], communityName);
  if (!community) {
    const near = nearest(communityName, model.communities, (c) => [c.slug, c.name, c.folder]);
    const hint = near ? escaped`Did you mean "${near.slug}" (${near.name})?` : escaped`Communities: ${model.communities.map((c) => c.slug).join(', ')}.`;
    console.error(escaped`wiki: there is no community "${communityName}". ${hint}` + '\n' + escaped`To start a new community, create its folder in ${path.relative(root, contentDir) || '.'}/ with a community.yml.`);
    return 1;
  }
  const fileName = pageFileName(options.title) ?? '';
  const contentPath = toContentPath([community.folder, ...subFolders, fileName].filter((p) => p !== '').join('/'));
  const file = path.join(contentDir, ...contentPath.split('/'));
  const label = path.relative(root, file).split(path.sep).join('/');
  const id = pageIdFor(contentPath, urlNamesFor({ pages: [...model.pages, { path: contentPath }], assets: model.assets }, config.defaultCommunity.slug));
  const existing = model.pages.find((p) => p.id === id);
  if (existing || existsSync(file)) {
    console.error(escaped`wiki: ${existing?.file ?? label} already exists at /${id}/: edit that page, or choose another title.`);
    return 1;
  }
  const sameTitle = model.pages.find((p) => p.community === community.slug && p.title.toLowerCase() === options.title.toLowerCase());
  if (sameTitle) {
    console.error(escaped`wiki: ${sameTitle.file} already has the title "${sameTitle.title}", so [[${options.title}]] would not know which page to open: edit that page, or choose another title.`);
    return 1;
  }
  const { today } = wiki.location;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, newPageText({ title: options.title, type: options.type, tags: options.tags, today }));
  const branch = `${community.slug}/${fileName.replace(/\.md$/, '')}`;
  console.log(escaped`Created ${label} (status: draft).`);
  console.log('');
  console.log('Next steps:');
  console.log(escaped`  1. git switch -c ${shellQuote(branch)}`);
  console.log(escaped`  2. Write the page; preview it with npm run dev at ${pageHref(config.base, id ?? '')}`);
  console.log('  3. npm run wiki -- check');
  console.log(escaped`  4. git add ${shellQuote(label)} && git commit -m ${shellQuote(`Add "${options.title}" to ${community.name}`)}`);
  console.log(escaped`  5. git push -u origin ${shellQuote(branch)}, then open a pull request: the stewards of ${community.name} review it.`);
  return 0;
}
