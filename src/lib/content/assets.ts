// Runs anywhere: the content files published as assets under their URLs, and those left out for their type.
import { problem, type Problem } from '../problems.ts';
import { assetTypeVerdict } from './asset-types.ts';
import { assetIdFor } from './paths.ts';
import type { Asset, ContentInput, UnpublishedFile } from './types.ts';
import { urlNamesOf } from './url-names.ts';

export function collectAssets(input: ContentInput, problems: Problem[]): { assets: Asset[]; unpublished: UnpublishedFile[] } {
  const assets: Asset[] = [];
  const unpublished: UnpublishedFile[] = [];
  const seen = new Map<string, Asset>();
  for (const { path } of input.assets) {
    const file = input.fileLabel(path);
    const verdict = assetTypeVerdict(path);
    if (!verdict.published) {
      // A warning, not an error: an existing folder full of odd files must still build, with these left out.
      problems.push(problem(file, `not published: ${verdict.reason}`, {}, 'warning'));
      unpublished.push({ path, file, reason: verdict.reason });
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
