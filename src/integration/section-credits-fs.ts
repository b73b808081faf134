// Runs in Node at build time: the section credits of each page file, for the Markdown pipeline's rehype plugin.
import { readFileSync } from 'node:fs';
import type { WikiPage } from '../lib/content/types.ts';
import { sectionCredits, type SectionCredit } from '../lib/attribution/sections.ts';
import type { SiteView } from '../lib/site-view/site-view.ts';
import type { SiteData } from './site-data.ts';

/** Look-ups over `data.history`; people's links come from the site view, made when the first page renders. */
export function sectionCreditLookups(data: SiteData, pageForFile: (file: string) => WikiPage | undefined, view: () => SiteView) {
  return {
    creditsForFile(file: string): SectionCredit[] | undefined {
      const page = pageForFile(file);
      const history = page ? data.history.pages[page.id] : undefined;
      if (!page || !history) return undefined;
      return sectionCredits(readFileSync(file, 'utf8'), page.format, history);
    },
    personHref: (email: string): string | undefined => view().personHref(email),
  };
}
