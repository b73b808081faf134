// Test helper: builds a site model from an in-memory map of content files.
import type { SiteModel } from '../../src/lib/content/types.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { isPagePath } from '../../src/lib/content/page-rule.ts';
import { toContentPath } from '../../src/lib/content/paths.ts';

export function modelOf(files: Record<string, string>, options: { mdxCommunities?: string[]; brokenLinks?: 'error' | 'warning' } = {}): SiteModel {
  const pages: { path: ReturnType<typeof toContentPath>; source: string }[] = [];
  const communityFiles: { folder: string; source: string }[] = [];
  const assets: { path: ReturnType<typeof toContentPath> }[] = [];
  for (const [name, source] of Object.entries(files)) {
    const path = toContentPath(name);
    if (isPagePath(path)) pages.push({ path, source });
    else if (/(^|\/)community\.yml$/.test(path) && path.split('/').length <= 2) communityFiles.push({ folder: path.includes('/') ? path.split('/')[0]! : '', source });
    else assets.push({ path });
  }
  return buildSiteModel({
    pages,
    communityFiles,
    assets,
    fileLabel: (p) => `content/${p}`,
    defaultCommunity: { slug: 'general', name: 'General' },
    language: 'en',
    mdxCommunities: options.mdxCommunities ?? ['*'],
    brokenLinks: options.brokenLinks ?? 'error',
  });
}

export const errorsIn = (model: SiteModel) => model.problems.filter((p) => p.severity === 'error');
export const page = (model: SiteModel, id: string) => {
  const found = model.pages.find((p) => p.id === id);
  if (!found) throw new Error(`no page ${id}; pages: ${model.pages.map((p) => p.id).join(', ')}`);
  return found;
};
