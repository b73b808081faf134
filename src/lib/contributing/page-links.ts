// Runs anywhere: the forge links a page and a community home show, computed once for the components to render.
import { FORGE_NAMES, type ForgeRepository } from '../forge/forges.ts';
import { commitUrl, editUrl, historyUrl, newFileUrl, sourceUrl } from '../forge/links.ts';
import { newPageText } from './new-page.ts';

/** A content path ("ops/Deploy.md") as a path from the repository root, given where the content folder sits in it. */
const repositoryFilePath = (contentInRepository: string, contentPath: string) =>
  [contentInRepository, contentPath].filter((p) => p !== '').join('/');

export interface PageForgeLinks {
  forgeName: string;
  edit: string;
  source: string;
  history: string;
  /** The commit that last changed the page, when the history engine knows it. */
  lastCommit?: { sha: string; url: string };
}

export function pageForgeLinks(repo: ForgeRepository, contentInRepository: string, page: { path: string }, lastCommit?: string): PageForgeLinks {
  const file = repositoryFilePath(contentInRepository, page.path);
  return {
    forgeName: FORGE_NAMES[repo.forge],
    edit: editUrl(repo, file),
    source: sourceUrl(repo, file),
    history: historyUrl(repo, file),
    ...(lastCommit ? { lastCommit: { sha: lastCommit.slice(0, 7), url: commitUrl(repo, lastCommit) } } : {}),
  };
}

const PROPOSED_FILE_NAME = 'new-page.md';

/** "Propose a new page": the forge's new-file page in the community's folder, prefilled with a draft's front matter. */
export function proposePageUrl(repo: ForgeRepository, contentInRepository: string, community: { folder: string }, today: string): string {
  return newFileUrl(repo, {
    dir: repositoryFilePath(contentInRepository, community.folder),
    fileName: PROPOSED_FILE_NAME,
    content: newPageText({ title: 'New page', today }),
  });
}
