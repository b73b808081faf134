// Runs at build time inside Astro's Markdown pipeline: keeps a page's `layout:` field from choosing an Astro layout.
import type { VFile } from 'vfile';

/**
 * Jekyll and Hugo write `layout: post`; Astro's MDX compiler would import "post" as a layout component and
 * fail the build. Every wiki page has the wiki's own layout, so the field is left out of what the compiler sees.
 */
export function remarkIgnoreLayout() {
  return (_tree: unknown, file: VFile) => {
    const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
    if (astro?.frontmatter && 'layout' in astro.frontmatter) {
      const { layout: _ignored, ...rest } = astro.frontmatter;
      astro.frontmatter = rest;
    }
  };
}
