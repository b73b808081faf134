// Runs anywhere: pages a person last left marked `status: outdated` whose mark only a bot's later commit took away: still outdated.
import { parseFrontMatter } from '../content/front-matter.ts';
import type { PageHistory } from '../history/types.ts';
import { humanUpdate } from './human-update.ts';

/** True when the page text's front matter says `status: outdated` (a text whose front matter does not parse says nothing). */
export const markedOutdated = (source: string): boolean => parseFrontMatter(source, 'page').data.status === 'outdated';

/**
 * The one rule every view shows: a page is outdated when HEAD marks it so, or when the last person who changed it left
 * it marked and only bots changed it since (`keptOutdated`, the ids `outdatedBeforeBots` found).
 */
export const isOutdated = (page: { id: string; status?: string | undefined }, keptOutdated: ReadonlySet<string>): boolean =>
  page.status === 'outdated' || keptOutdated.has(page.id);

/**
 * The ids of pages not marked outdated at HEAD whose last change by a person left them marked outdated, so only bots
 * changed them since (a bot reformatting front matter cannot make a page current). `text` reads a blob; a blob it
 * cannot read (beyond a shallow clone's boundary) leaves the page as HEAD says.
 */
export async function outdatedBeforeBots(
  pages: readonly { id: string; status?: string | undefined }[],
  histories: Readonly<Record<string, PageHistory>>,
  text: (blob: string) => Promise<string | undefined>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const page of pages) {
    const history = histories[page.id];
    if (!history || page.status === 'outdated' || !history.updated.bot) continue;
    const person = humanUpdate(history);
    if (person.bot) continue;
    const source = await text(person.blob);
    if (source !== undefined && markedOutdated(source)) ids.push(page.id);
  }
  return ids;
}
