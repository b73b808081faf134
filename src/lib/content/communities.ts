// Runs anywhere: the wiki's communities: community.yml files read, one draft per community folder, their checks and their pages.
import { problem, type Problem } from '../problems.ts';
import { communityFolderOf, RESERVED_SLUGS } from './paths.ts';
import { communityFileSchema } from './schemas.ts';
import { titleFromFileName } from './titles.ts';
import type { Community, ContentInput, WikiPage } from './types.ts';
import { urlNamesOf } from './url-names.ts';
import { parseYaml, zodProblems } from './yaml.ts';

type CommunityFile = ReturnType<typeof communityFileSchema.parse>;

export interface CommunityDraft extends Community {
  fromFile: boolean;
}

function readCommunityFiles(input: ContentInput, problems: Problem[]): Map<string, CommunityFile> {
  const byFolder = new Map<string, CommunityFile>();
  for (const { folder, source } of input.communityFiles) {
    const file = input.fileLabel(folder ? `${folder}/community.yml` : 'community.yml');
    const { parsed, problems: yamlProblems } = parseYaml(source, file);
    problems.push(...yamlProblems);
    if (!parsed) continue;
    const data = parsed.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push(problem(file, 'community.yml must be a set of "field: value" lines (name, description, stewards, tags, links, meetings)', { line: 1 }));
      continue;
    }
    const result = communityFileSchema.safeParse(data);
    if (!result.success) problems.push(...zodProblems(result.error, parsed, file));
    else byFolder.set(folder, result.data);
  }
  return byFolder;
}

/**
 * The communities met so far, by slug. `communityFor` gives the draft for a top-level folder
 * (undefined: the content root, the default community), made on first use from its community.yml;
 * a folder with a community.yml but no pages is none (see communityFilesWithoutPages).
 */
export function communityDrafts(input: ContentInput, problems: Problem[]) {
  const communityFiles = readCommunityFiles(input, problems);
  const drafts = new Map<string, CommunityDraft>();
  const communityFor = (folder: string | undefined): CommunityDraft | undefined => {
    const names = urlNamesOf(input);
    const slug = folder === undefined ? names.defaultCommunity : (names.folderSlugs([folder])[0] ?? '');
    const existing = drafts.get(slug);
    if (existing) return existing;
    if (!slug) return undefined;
    const yml = communityFiles.get(folder ?? '');
    const draft: CommunityDraft = {
      slug,
      folder: folder ?? '',
      name: yml?.name ?? (folder === undefined ? input.defaultCommunity.name : titleFromFileName(folder + '.md')),
      ...(yml?.description ? { description: yml.description } : {}),
      stewards: yml?.stewards ?? [],
      tags: yml?.tags ?? [],
      links: yml?.links ?? [],
      ...(yml?.meetings ? { meetings: yml.meetings } : {}),
      pageIds: [],
      fromFile: yml !== undefined,
    };
    drafts.set(slug, draft);
    return draft;
  };
  for (const folder of communityFiles.keys()) communityFor(folder || undefined);
  return { drafts, communityFor };
}

/** Community folders that would take one of the site's own routes, and two spellings of one community folder. */
export function communityFolderProblems(drafts: ReadonlyMap<string, CommunityDraft>, input: ContentInput): Problem[] {
  const problems: Problem[] = [];
  for (const draft of drafts.values()) {
    if (RESERVED_SLUGS.has(draft.slug)) {
      problems.push(problem(input.fileLabel(draft.folder || '.'), `the community folder "${draft.folder}" would take the site's own /${draft.slug}/ route: rename the folder`));
    }
  }
  const folders = new Map<string, Set<string>>();
  // Assets count too: content/OPS/x.png would publish into /ops/ from a folder the ops CODEOWNERS rule misses.
  for (const { path } of [...input.pages, ...input.assets]) {
    const folder = communityFolderOf(path);
    if (folder === undefined) continue;
    const slug = urlNamesOf(input).folderSlugs([folder])[0] ?? '';
    if (!folders.has(slug)) folders.set(slug, new Set());
    folders.get(slug)?.add(folder);
  }
  for (const [slug, names] of folders) {
    if (names.size > 1 && drafts.has(slug)) {
      const list = [...names].map((n) => input.fileLabel(n));
      problems.push(problem(list[0] ?? '', `the folders ${list.join(' and ')} are one community (/${slug}/): merge or rename them`));
    }
  }
  return problems;
}

/**
 * A community.yml in a folder without pages names no community yet: a warning naming the file, and the
 * community it will be once a page arrives (`wiki new` writes that first page). Call after finishCommunities.
 */
export function communityFilesWithoutPages(drafts: ReadonlyMap<string, CommunityDraft>, input: ContentInput): { starting: Community[]; problems: Problem[] } {
  const waiting = [...drafts.values()].filter((c) => c.fromFile && c.pageIds.length === 0);
  return {
    starting: waiting.map(({ fromFile: _fromFile, ...c }) => c),
    problems: waiting.map((c) =>
      problem(input.fileLabel(c.folder ? `${c.folder}/community.yml` : 'community.yml'), 'its folder has no pages, so it is not a community and is not shown: add a page (a README.md) or remove the file', { line: 1 }, 'warning'),
    ),
  };
}

/**
 * The finished communities: their pages and home page, a name and description from it when community.yml
 * gives none. `nameAsHome` is the name a home page gives (its front matter title or opening level-1 heading).
 */
export function finishCommunities(drafts: ReadonlyMap<string, CommunityDraft>, pages: readonly WikiPage[], nameAsHome: (page: WikiPage) => string | undefined): Community[] {
  for (const page of pages) {
    const community = drafts.get(page.community);
    if (!community) continue;
    community.pageIds.push(page.id);
    if (page.id === community.slug) {
      community.homeId = page.id;
      // The content root's README is the site's front page (site-view/front-page.ts), not the default community's words.
      if (!community.folder) continue;
      const name = nameAsHome(page);
      if (!community.fromFile && name) community.name = name;
      community.description ??= page.summary ?? page.excerpt;
    }
  }
  return [...drafts.values()]
    .filter((c) => c.pageIds.length > 0)
    .map(({ fromFile: _fromFile, ...c }) => c)
    .sort((a, b) => a.name.localeCompare(b.name));
}
