// Runs anywhere: the repository's own front page (a README.md or index.md at the content root) and the site title it gives.

/** What the front page and the title are read from (a WikiPage has it all). */
export interface FrontPageCandidate {
  id: string;
  /** The file's path in the content folder. */
  path?: string;
  isIndex?: boolean;
  title: string;
  /** True when the file gives no title of its own (see WikiPage.untitled). */
  untitled?: true | undefined;
}

/** The title a site without a `title` in wiki.config.yml and without a front page heading has. */
export const DEFAULT_SITE_TITLE = 'Community wiki';

/** The README.md or index.md (any case) directly in the content folder: its text is the site's home page. */
export function frontPageOf<P extends FrontPageCandidate>(pages: readonly P[]): P | undefined {
  return pages.find((page) => page.isIndex === true && page.path !== undefined && !page.path.includes('/'));
}

/** The config's title, else the front page's own title (front matter or first level-1 heading), else the default. */
export function siteTitleOf(configTitle: string | undefined, frontPage: FrontPageCandidate | undefined): string {
  return configTitle?.trim() || (frontPage && !frontPage.untitled ? frontPage.title : undefined) || DEFAULT_SITE_TITLE;
}
