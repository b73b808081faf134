// Runs anywhere: template tags of other generators (ERB, Liquid, Nunjucks, Hugo) written in a Markdown page's text.

/**
 * `<% … %>` (ERB), `{% … %}` (Liquid, Nunjucks, Jinja) and `{{ … }}` (their output tags, Hugo's `{{< … >}}`).
 * They are code another generator runs when it builds its site; the wiki runs none of it, so outside code
 * spans and blocks each is shown as written, as code, and the page gets one warning.
 */
export const TEMPLATE_TAG = /<%[\s\S]*?%>|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;

export interface TemplateTagsFound {
  /** The first tag, as written, and where it starts in the file. */
  first: string;
  line: number;
  column: number;
  count: number;
}

/** The tags in one piece of text starting at `line`:`column`, with each tag's own place. */
export function templateTagsIn(text: string, line: number, column: number): { tag: string; line: number; column: number }[] {
  return [...text.matchAll(TEMPLATE_TAG)].map((match) => {
    const before = text.slice(0, match.index).split('\n');
    return {
      tag: match[0],
      line: line + before.length - 1,
      column: before.length > 1 ? (before.at(-1)?.length ?? 0) + 1 : column + match.index,
    };
  });
}

/** The warning a page with template tags gets, once. */
export function templateTagsMessage(found: TemplateTagsFound): string {
  const shown = found.first.length > 60 ? `${found.first.slice(0, 57)}…` : found.first;
  const count = found.count === 1 ? 'a template tag' : `${found.count} template tags`;
  return `${count} of another generator (first ${JSON.stringify(shown.replace(/\s+/g, ' '))}): ERB, Liquid and Nunjucks tags are code the wiki never runs; they are shown as written, as code`;
}

/**
 * A link destination written as Eleventy's or Jekyll's URL tag: `{{ "/x/" | url }}` (also `relative_url`,
 * `absolute_url`) or `{{ site.baseurl }}/x/`. Group 2 or 3 is the site path it stands for.
 */
const URL_TAG = /(\]\(\s*|href=["'])(?:\{\{\s*(["'])([^"'{}\s]+)\2\s*\|\s*(?:url|relative_url|absolute_url)\s*\}\}|\{\{\s*site\.baseurl\s*\}\}(\/[^\s)"'{}]*))/g;

/**
 * The Markdown body with each link destination written as a URL tag replaced by the path it names, padded with
 * spaces to the tag's length (CommonMark allows spaces before a link's `)`), so every line and column after it
 * stays where the author wrote it. The outline and the renderer both read the body through this.
 */
export function unwrapUrlTags(body: string): string {
  return body.replace(URL_TAG, (whole, lead: string, _quote, quoted: string | undefined, based: string | undefined) => {
    const url = quoted ?? based ?? '';
    return (lead + url).padEnd(whole.length, ' ');
  });
}
