// Runs anywhere: display names for pages and folders when the author gave none.
import { pageStem } from './page-rule.ts';

/** "deploy-checklist.md" and "deploy-checklist.html.md" → "Deploy checklist"; "Interview notes.md" stays "Interview notes". */
export function titleFromFileName(fileName: string): string {
  const words = pageStem(fileName).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!words) return fileName;
  return words === words.toLowerCase() ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** A page title: front matter, then the first level-one heading, then the file name. */
export function pageTitle(frontMatterTitle: string | undefined, firstHeading: string | undefined, fileName: string): string {
  return frontMatterTitle?.trim() || firstHeading?.trim() || titleFromFileName(fileName);
}
