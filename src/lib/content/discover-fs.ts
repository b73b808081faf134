// Runs in Node: walks the content folder and sorts its files into pages, community files and assets.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPagePath, toContentPath, type ContentPath } from './paths.ts';

export interface DiscoveredContent {
  pages: { path: ContentPath; source: string }[];
  communityFiles: { folder: string; source: string }[];
  assets: { path: ContentPath }[];
}

const SKIPPED_DIRS = new Set(['node_modules']);
const COMMUNITY_FILE = /^community\.ya?ml$/i;

/** Dot-files and dot-folders (.git, .github, .obsidian) are never content. */
const isHidden = (name: string) => name.startsWith('.');

export function discoverContent(contentDir: string): DiscoveredContent {
  const found: DiscoveredContent = { pages: [], communityFiles: [], assets: [] };
  const walk = (dir: string, relDir: string, depth: number) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(abs, { throwIfNoEntry: false })?.isDirectory());
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs, rel, depth + 1);
      } else if (isPagePath(entry.name)) {
        found.pages.push({ path: toContentPath(rel), source: readFileSync(abs, 'utf8') });
      } else if (COMMUNITY_FILE.test(entry.name) && depth <= 1) {
        found.communityFiles.push({ folder: relDir.normalize('NFC'), source: readFileSync(abs, 'utf8') });
      } else {
        found.assets.push({ path: toContentPath(rel) });
      }
    }
  };
  walk(contentDir, '', 0);
  return found;
}
