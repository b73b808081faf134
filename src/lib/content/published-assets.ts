// Runs anywhere: which assets of a safe type are published: those a page links to, and those in a folder that holds a page.
import { UNREFERENCED_REASON } from './unpublished.ts';
import type { Asset, UnpublishedFile, WikiPage } from './types.ts';

const folderOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), 0));

/**
 * A file beside pages is part of them (a diagram, a worked example) even when no link to it was
 * recognised; a file in a folder without pages that no page links to (a build's output, a dump of
 * fixtures, a theme's images) is not knowledge the wiki holds.
 */
export function publishedAssets(assets: readonly Asset[], pages: readonly Pick<WikiPage, 'path' | 'links'>[]): { assets: Asset[]; unpublished: UnpublishedFile[] } {
  const linked = new Set<string>();
  const pageFolders = new Set<string>();
  for (const page of pages) {
    pageFolders.add(folderOf(page.path).normalize('NFC'));
    for (const link of page.links) if (link.kind === 'asset') linked.add(link.to);
  }
  const published: Asset[] = [];
  const unpublished: UnpublishedFile[] = [];
  for (const asset of assets) {
    if (linked.has(asset.id) || pageFolders.has(folderOf(asset.path).normalize('NFC'))) published.push(asset);
    else unpublished.push({ path: asset.path, file: asset.file, reason: UNREFERENCED_REASON, severity: 'notice' });
  }
  return { assets: published, unpublished };
}
