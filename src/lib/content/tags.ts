// Runs anywhere: the site's tags, one per slug, each with the pages that carry it.
import { slugSegment } from './slugs.ts';
import type { Tag, WikiPage } from './types.ts';

export function collectTags(pages: readonly WikiPage[]): Tag[] {
  const tags = new Map<string, Tag>();
  for (const page of pages) {
    for (const name of page.tags) {
      const slug = slugSegment(name);
      if (!slug) continue;
      const tag = tags.get(slug) ?? { slug, name, pageIds: [] };
      tag.pageIds.push(page.id);
      tags.set(slug, tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.name.localeCompare(b.name));
}
