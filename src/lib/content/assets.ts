// Runs anywhere: the content files that may be published as assets under their URLs, and those left out for their name or type.
import { problem, type Problem } from '../problems.ts';
import { assetTypeVerdict } from './asset-types.ts';
import { assetIdFor } from './paths.ts';
import { isRepositoryFile, REPOSITORY_FILE_REASON } from './repository-files.ts';
import type { Asset, ContentInput, UnpublishedFile } from './types.ts';
import { urlNamesOf } from './url-names.ts';

export function collectAssets(input: ContentInput, problems: Problem[]): { assets: Asset[]; unpublished: UnpublishedFile[] } {
  const assets: Asset[] = [];
  const unpublished: UnpublishedFile[] = [];
  const seen = new Map<string, Asset>();
  const refused = new Map((input.refusedAssets ?? []).map((r) => [r.path, r.reason]));
  for (const { path } of input.assets) {
    const file = input.fileLabel(path);
    const unsafe = refused.get(path);
    if (unsafe !== undefined) {
      unpublished.push({ path, file, reason: unsafe, severity: 'warning', refused: true });
      continue;
    }
    if (isRepositoryFile(path)) {
      unpublished.push({ path, file, reason: REPOSITORY_FILE_REASON, severity: 'notice' });
      continue;
    }
    const verdict = assetTypeVerdict(path);
    if (!verdict.published) {
      // Listed, not an error: an existing folder full of odd files must still build, with these left out.
      unpublished.push({ path, file, reason: verdict.reason, severity: 'warning' });
      continue;
    }
    const id = assetIdFor(path, urlNamesOf(input));
    const other = seen.get(id);
    if (other) {
      problems.push(problem(other.file, `${other.file} and ${file} both map to the URL /${id}: rename one of them`));
      continue;
    }
    const asset = { id, path, file };
    seen.set(id, asset);
    assets.push(asset);
  }
  return { assets, unpublished };
}
