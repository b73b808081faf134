// Runs in Node: publishes content assets (images, PDFs, …) next to the built pages, and serves them in dev.
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Asset } from '../lib/content/model.ts';
import { normalizeBase } from '../lib/content/paths.ts';

export function copyAssets(assets: readonly Asset[], contentDir: string, outDir: string): number {
  for (const asset of assets) {
    const target = path.join(outDir, ...asset.id.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(contentDir, asset.path), target);
  }
  return assets.length;
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
    createReadStream(path.join(contentDir, asset.path)).pipe(res);
  };
}
