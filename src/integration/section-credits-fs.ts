// Runs in Node at build time: the section credits of each page file, for the Markdown pipeline's rehype plugin.
import { readFileSync } from 'node:fs';
import type { WikiPage } from '../lib/content/types.ts';
import { pageRecordsOf } from '../lib/attribution/page-record.ts';
import { summarizePeople } from '../lib/attribution/people.ts';
import { sectionCredits, type SectionCredit } from '../lib/attribution/sections.ts';
import { pageHref } from '../lib/content/paths.ts';
import type { SiteData } from './site-data.ts';

/** Look-ups over `data.history`, read when the first page renders (after the history engine has filled it in). */
export function sectionCreditLookups(data: SiteData, pageForFile: (file: string) => WikiPage | undefined) {
  let hrefs: Map<string, string> | undefined;
  return {
    creditsForFile(file: string): SectionCredit[] | undefined {
      const page = pageForFile(file);
      const history = page ? data.history.pages[page.id] : undefined;
      if (!page || !history) return undefined;
      return sectionCredits(readFileSync(file, 'utf8'), page.format, history);
    },
    personHref(email: string): string | undefined {
      hrefs ??= new Map(summarizePeople(pageRecordsOf(data.model.pages, data.history.pages)).map((p) => [p.email, pageHref(data.config.base, `people/${p.slug}`)]));
      return hrefs.get(email);
    },
  };
}
