// Runs anywhere: the forge's web addresses for a file of the wiki's repository (edit, source, history, new file, commit).
import { encodePathSegments, queryString } from './encode.ts';
import type { Forge, ForgeRepository } from './forges.ts';

export interface NewFile {
  /** Folder of the new file, relative to the repository root ("" for the root). */
  dir: string;
  fileName: string;
  /** Initial text; only prefilled where the forge reads it from the URL. */
  content?: string;
}

/** `b` is the encoded branch, `p` an encoded path, `at` the raw branch (for query strings). */
interface Routes {
  edit: (b: string, p: string, at: string) => string;
  source: (b: string, p: string, at: string) => string;
  history: (b: string, p: string, at: string) => string;
  /** A folder as the forge lists it. */
  folder: (b: string, p: string, at: string) => string;
  /** A file's bytes, as an `<img>` can load them. */
  raw: (b: string, p: string, at: string) => string;
  commit: (sha: string) => string;
  /** `dir` is "<branch>" or "<branch>/<folder>", encoded. */
  newFile: (dir: string, file: NewFile, at: string) => string;
}

const withContent = (nameKey: string, contentKey: string, file: NewFile) =>
  queryString([[nameKey, file.fileName], ...(file.content !== undefined ? [[contentKey, file.content] as const] : [])]);

const gitea: Routes = {
  edit: (b, p) => `/_edit/${b}/${p}`,
  source: (b, p) => `/src/branch/${b}/${p}`,
  history: (b, p) => `/commits/branch/${b}/${p}`,
  folder: (b, p) => `/src/branch/${b}/${p}`,
  raw: (b, p) => `/raw/branch/${b}/${p}`,
  commit: (sha) => `/commit/${sha}`,
  // go-gitea/gitea#16556: the same `filename` and `value` parameters as GitHub.
  newFile: (dir, file) => `/_new/${dir}` + withContent('filename', 'value', file),
};

/** Each forge's routes as its own web UI writes them (see README "Editing through pull requests"). */
const ROUTES: Record<Forge, Routes> = {
  github: {
    edit: (b, p) => `/edit/${b}/${p}`,
    source: (b, p) => `/blob/${b}/${p}`,
    history: (b, p) => `/commits/${b}/${p}`,
    folder: (b, p) => `/tree/${b}/${p}`,
    raw: (b, p) => `/raw/${b}/${p}`,
    commit: (sha) => `/commit/${sha}`,
    newFile: (dir, file) => `/new/${dir}` + withContent('filename', 'value', file),
  },
  gitlab: {
    edit: (b, p) => `/-/edit/${b}/${p}`,
    source: (b, p) => `/-/blob/${b}/${p}`,
    history: (b, p) => `/-/commits/${b}/${p}`,
    folder: (b, p) => `/-/tree/${b}/${p}`,
    raw: (b, p) => `/-/raw/${b}/${p}`,
    commit: (sha) => `/-/commit/${sha}`,
    newFile: (dir, file) => `/-/new/${dir}` + withContent('file_name', 'content', file),
  },
  gitea,
  forgejo: gitea,
  // Bitbucket Cloud reads no file name or content from the URL; `at` keeps the branch selected.
  bitbucket: {
    edit: (b, p, at) => `/src/${b}/${p}` + queryString([['mode', 'edit'], ['spa', '0'], ['at', at]]),
    source: (b, p, at) => `/src/${b}/${p}` + queryString([['at', at]]),
    history: (b, p, at) => `/history-node/${b}/${p}` + queryString([['at', at]]),
    folder: (b, p, at) => `/src/${b}/${p}` + queryString([['at', at]]),
    raw: (b, p) => `/raw/${b}/${p}`,
    commit: (sha) => `/commits/${sha}`,
    newFile: (dir, _file, at) => `/create-file/${dir}` + queryString([['at', at]]),
  },
};

type FileRoute = 'edit' | 'source' | 'history' | 'folder' | 'raw';

function fileUrl(route: FileRoute, repo: ForgeRepository, path: string): string {
  return repo.web + ROUTES[repo.forge][route](encodePathSegments(repo.branch), encodePathSegments(path), repo.branch);
}

/** The forge's web editor for the file at `path` (relative to the repository root) on the configured branch. */
export const editUrl = (repo: ForgeRepository, path: string) => fileUrl('edit', repo, path);
/** The file as the forge shows it. */
export const sourceUrl = (repo: ForgeRepository, path: string) => fileUrl('source', repo, path);
/** The commits that changed the file. */
export const historyUrl = (repo: ForgeRepository, path: string) => fileUrl('history', repo, path);
/** A folder at `path` (relative to the repository root) as the forge lists it. */
export const folderUrl = (repo: ForgeRepository, path: string) => fileUrl('folder', repo, path);
/** The file's own bytes, for an image. */
export const rawUrl = (repo: ForgeRepository, path: string) => fileUrl('raw', repo, path);

export function commitUrl(repo: ForgeRepository, sha: string): string {
  return repo.web + ROUTES[repo.forge].commit(encodeURIComponent(sha));
}

/** The forge's "new file" page in `file.dir`, named and prefilled where the forge supports it. */
export function newFileUrl(repo: ForgeRepository, file: NewFile): string {
  const dir = [encodePathSegments(repo.branch), encodePathSegments(file.dir)].filter((s) => s !== '').join('/');
  return repo.web + ROUTES[repo.forge].newFile(dir, file, repo.branch);
}
