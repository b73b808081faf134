// Runs anywhere: titles that lists and the sidebar can tell apart, when pages of one community share a title.
import { splitContentPath, stripExtension } from './paths.ts';
import type { WikiPage } from './types.ts';

const sameTitleKey = (page: WikiPage) => `${page.community}\n${page.title.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/** Where a page lies inside its community, as its author named the folders: ["sig-node", "meeting-notes"]. */
function placeOf(page: WikiPage): string[] {
  const { folders, file } = splitContentPath(page.path);
  // Files at the content root belong to the default community; files below belong to their top folder.
  const inside = folders.slice(1);
  return page.isIndex ? inside : [...inside, stripExtension(file)];
}

/**
 * Sets `listTitle` on every page: its title, and where two or more pages of one community share that
 * title (seven "SIG Node Meeting Notes"), the title with its folder, "SIG Node Meeting Notes (sig-node)".
 * When the folder names do not tell them apart either, the page's whole path in the community does.
 */
export function assignListTitles(pages: readonly WikiPage[]): void {
  const groups = new Map<string, WikiPage[]>();
  for (const page of pages) {
    page.listTitle = page.title;
    const key = sameTitleKey(page);
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const places = group.map(placeOf);
    // The folder a page sits in (an index page: its own folder); a page at the community's top: its file name.
    const short = group.map((page, i) => {
      const place = places[i] ?? [];
      return (page.isIndex || place.length < 2 ? place.at(-1) : place.at(-2)) ?? '';
    });
    const shortIsEnough = new Set(short).size === short.length && short.every(Boolean);
    group.forEach((page, i) => {
      const where = shortIsEnough ? short[i] : places[i]?.join('/');
      if (where) page.listTitle = `${page.title} (${where})`;
    });
  }
}
