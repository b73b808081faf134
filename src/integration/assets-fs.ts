// Runs in Node: publishes content assets (images, PDFs, …) next to the built pages, and serves them in dev.
import { constants, copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { onDisk } from '../lib/content/disk-path-fs.ts';
import type { Asset } from '../lib/content/types.ts';
import { normalizeBase } from '../lib/content/paths.ts';
import { problem, type Problem } from '../lib/problems.ts';

/**
 * Copies each asset to its URL path. The output plan has already ruled out collisions; this never
 * overwrites a file all the same (COPYFILE_EXCL), so a missed one is an error instead of a replaced page.
 */
export function copyAssets(assets: readonly Asset[], contentDir: string, outDir: string): { copied: number; problems: Problem[] } {
  const problems: Problem[] = [];
  let copied = 0;
  for (const asset of assets) {
    const target = path.join(outDir, ...asset.id.split('/'));
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(onDisk(contentDir, asset.path), target, constants.COPYFILE_EXCL);
      copied++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
      problems.push(problem(asset.file, `cannot be published at /${asset.id} without replacing what the build already wrote there: rename or move it`));
    }
  }
  return { copied, problems };
}

type Next = (error?: unknown) => void;
interface Request {
  url?: string;
}
interface Response {
  setHeader(name: string, value: string): void;
  end(): void;
}

/** A connect middleware for `astro dev` serving the same asset URLs the build writes. */
export function assetMiddleware(assets: readonly Asset[], contentDir: string, base: string) {
  const byUrl = new Map(assets.map((a) => [normalizeBase(base) + a.id, a]));
  return (req: Request, res: Response & NodeJS.WritableStream, next: Next) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const asset = byUrl.get(url);
    if (!asset) return next();
    if (asset.id.endsWith('.svg')) res.setHeader('Content-Type', 'image/svg+xml');
    createReadStream(onDisk(contentDir, asset.path)).pipe(res);
  };
}
