// Runs in Node: walks the content folder and sorts its files into pages, community files and assets.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../problems.ts';
import { contentRule, isPageFile, type ContentRule } from './page-rule.ts';
import { toContentPath, type ContentPath } from './paths.ts';
import type { UnpublishedFile } from './types.ts';
import { skippedEntryReason } from './unpublished.ts';

export interface DiscoveredContent {
  pages: { path: ContentPath; source: string }[];
  communityFiles: { folder: string; source: string }[];
  assets: { path: ContentPath }[];
  /** Symlinks that leave the content folder or loop: errors. */
  problems: Problem[];
  /** Entries never read: hidden and excluded files and folders (a folder once, not its files), and what is not a regular file. */
  skipped: UnpublishedFile[];
}

const COMMUNITY_FILE = /^community\.ya?ml$/i;

/** Inside the content folder and not in a part the walk skips (a link must not publish .git/config or .env). */
function isPublishable(root: string, real: string, rule: ContentRule): boolean {
  if (real === root) return true;
  if (!real.startsWith(root + path.sep)) return false;
  return !rule.skipsPath(real.slice(root.length + 1).split(path.sep).join('/'), true);
}

type Entry = { kind: 'file' | 'dir'; real: string } | { kind: 'refused'; message: string; severity: 'error' | 'warning' };

/**
 * What an entry really is, read with lstat so nothing behind a link is opened before it is known to be
 * inside the content folder. Links are followed only to targets inside it; FIFOs, sockets and devices are
 * never opened (reading a FIFO would hang the build).
 */
function classify(entry: Dirent, abs: string, root: string, ancestors: ReadonlySet<string>, rule: ContentRule): Entry {
  if (entry.isDirectory()) return { kind: 'dir', real: abs };
  if (entry.isFile()) return { kind: 'file', real: abs };
  if (!entry.isSymbolicLink()) return { kind: 'refused', severity: 'warning', message: 'not published: not a regular file (a FIFO, socket or device), so it is not read' };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'refused', severity: 'error', message: 'is a symlink loop (it leads back to itself): remove it' };
    return { kind: 'refused', severity: 'warning', message: 'not published: a symlink to nothing (its target does not exist)' };
  }
  if (!isPublishable(root, real, rule)) {
    return { kind: 'refused', severity: 'error', message: 'is a symlink to something outside the content folder (or in a hidden folder), which is never read or published: replace it with the file itself' };
  }
  const target = statSync(real);
  if (target.isDirectory()) {
    if (ancestors.has(real)) return { kind: 'refused', severity: 'error', message: 'is a symlink loop (it points to a folder that contains it): remove it' };
    return { kind: 'dir', real };
  }
  if (target.isFile()) return { kind: 'file', real };
  return { kind: 'refused', severity: 'warning', message: 'not published: a symlink to something that is not a regular file, so it is not read' };
}

export function discoverContent(contentDir: string, fileLabel: (path: string) => string = (p) => p, rule: ContentRule = contentRule()): DiscoveredContent {
  const found: DiscoveredContent = { pages: [], communityFiles: [], assets: [], problems: [], skipped: [] };
  const skip = (rel: string, isFolder: boolean, reason: string, severity: UnpublishedFile['severity'] = 'notice') =>
    found.skipped.push({ path: toContentPath(rel), file: fileLabel(toContentPath(rel)) + (isFolder ? '/' : ''), reason, severity });
  const root = realpathSync(contentDir);
  const walk = (dir: string, relDir: string, depth: number, ancestors: Set<string>) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      // Decided on the entry's own name and place, before anything behind it is opened: a link named like
      // an excluded folder is skipped as one.
      const skipped = rule.skipReason(rel, entry.isDirectory() || entry.isSymbolicLink());
      if (skipped) {
        skip(rel, entry.isDirectory(), skippedEntryReason(skipped));
        continue;
      }
      const kind = classify(entry, abs, root, ancestors, rule);
      if (kind.kind === 'refused') {
        if (kind.severity === 'error') found.problems.push(problem(fileLabel(toContentPath(rel)), kind.message, {}, kind.severity));
        else skip(rel, false, kind.message.replace(/^not published: /, ''), 'warning');
      } else if (kind.kind === 'dir') {
        walk(kind.real, rel, depth + 1, new Set([...ancestors, kind.real]));
      } else if (isPageFile(entry.name)) {
        found.pages.push({ path: toContentPath(rel), source: readFileSync(kind.real, 'utf8') });
      } else if (COMMUNITY_FILE.test(entry.name) && depth <= 1) {
        found.communityFiles.push({ folder: relDir.normalize('NFC'), source: readFileSync(kind.real, 'utf8') });
      } else {
        found.assets.push({ path: toContentPath(rel) });
      }
    }
  };
  walk(root, '', 0, new Set([root]));
  return found;
}
