// Runs in Node: finds the file a content path names on disk, whose name may be written NFD (as macOS and git on it commit names).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Content paths are NFC (paths.ts); Linux keeps a name's bytes, so a folder committed as `Jose\u0301`
 * is not at the NFC path. Each segment missing as written is matched by its NFC form.
 */
export function onDisk(contentDir: string, contentPath: string): string {
  const direct = path.join(contentDir, ...contentPath.split('/'));
  if (existsSync(direct)) return direct;
  let dir = contentDir;
  for (const segment of contentPath.split('/')) {
    const exact = path.join(dir, segment);
    if (existsSync(exact)) {
      dir = exact;
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return direct;
    }
    const match = names.find((name) => name.normalize('NFC') === segment.normalize('NFC'));
    if (match === undefined) return direct;
    dir = path.join(dir, match);
  }
  return dir;
}
