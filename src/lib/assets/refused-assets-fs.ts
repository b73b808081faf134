// Runs in Node: reads the candidate assets that need it and refuses the unsafe ones (scripted SVG, Git LFS pointers) before the model is built.
import { readFileSync, statSync } from 'node:fs';
import { assetTypeVerdict } from '../content/asset-types.ts';
import { onDisk } from '../content/disk-path-fs.ts';
import { isRepositoryFile } from '../content/repository-files.ts';
import type { ContentPath } from '../content/paths.ts';
import type { RefusedAsset } from '../content/types.ts';
import type { Problem } from '../problems.ts';
import { checkAsset, needsContentCheck } from './asset-safety.ts';

/**
 * One unsafe file must not stop the site: it is left out, with a warning at its line, and links to it
 * become broken links saying why. Files left out by name or type are not read at all.
 */
export function refusedAssets(contentDir: string, assets: readonly { path: ContentPath }[], label: (p: string) => string): { refused: RefusedAsset[]; warnings: Problem[] } {
  const refused: RefusedAsset[] = [];
  const warnings: Problem[] = [];
  for (const { path } of assets) {
    if (isRepositoryFile(path) || !assetTypeVerdict(path).published) continue;
    const file = onDisk(contentDir, path);
    if (!needsContentCheck(path, statSync(file).size)) continue;
    const found = checkAsset(label(path), readFileSync(file));
    if (!found) continue;
    refused.push({ path, reason: found.message });
    warnings.push({ ...found, severity: 'warning' });
  }
  return { refused, warnings };
}
