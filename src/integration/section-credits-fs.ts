// Runs in Node at build time: the section credits of each page file, for the Markdown pipeline's rehype plugin and the pages loader's digests.
import { readFileSync } from 'node:fs';
import type { WikiPage } from '../lib/content/types.ts';
import { sectionCreditsOf, type SectionCredit } from '../lib/attribution/sections.ts';
import type { SiteView } from '../lib/site-view/site-view.ts';
import type { SiteData } from './site-data.ts';

/**
 * Look-ups over `data.history`; people's links come from the site view, made when first asked for.
 * A page's headings are the ones the content model read (its outline), so the file is not parsed again;
 * the credits of a file are kept while its text stays the same, since the loader asks before the renderer does.
 */
export function sectionCreditLookups(data: SiteData, pageForFile: (file: string) => WikiPage | undefined, view: () => SiteView) {
  const known = new Map<string, { source: string; credits: SectionCredit[] }>();
  return {
    creditsForFile(file: string): SectionCredit[] | undefined {
      const page = pageForFile(file);
      const history = page ? data.history.pages[page.id] : undefined;
      if (!page || !history) return undefined;
      const source = readFileSync(file, 'utf8');
      const kept = known.get(file);
      if (kept?.source === source) return kept.credits;
      const credits = sectionCreditsOf(source, () => page.headings, history);
      known.set(file, { source, credits });
      return credits;
    },
    personHref: (email: string): string | undefined => view().personHref(email),
  };
}
