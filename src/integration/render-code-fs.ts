// Runs in Node at build time: a digest of the code that renders Markdown, so kept entries are rendered again after an upgrade.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('..', import.meta.url));

/** Every module under src/lib and src/integration (the plugins and what they call) and the lock file of the dependencies. */
export function renderCodeDigest(): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const dir of ['lib', 'integration']) {
    for (const entry of readdirSync(path.join(src, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  const lock = path.join(src, '..', 'package-lock.json');
  if (existsSync(lock)) files.push(lock);
  for (const file of files.sort()) hash.update(`${path.relative(src, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
