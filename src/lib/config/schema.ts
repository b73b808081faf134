// Runs anywhere: the one typed configuration read by the site and the `wiki` command alike.
import { z } from 'zod';
import { safeAbsoluteUrl } from '../content/safe-url.ts';

/** An absolute URL with one of `protocols`; the site links to these, so never javascript: or data:. */
const urlWith = (protocols: readonly string[], message: string) =>
  z.string({ error: message }).refine((url) => safeAbsoluteUrl(url, protocols) !== undefined, message);

const basePath = z
  .string()
  .regex(/^\/([^?#]*)$/, 'must start with "/" (for example "/" or "/wiki/")')
  .transform((base) => (base.endsWith('/') ? base : base + '/'));

export const wikiConfigSchema = z
  .object({
    /** The site's title; without one, the front page's (root README's) first heading, else "Community wiki" (site-view/front-page.ts). */
    title: z.string().min(1).optional(),
    description: z.string().default('What our communities of practice know, and who knows it.'),
    /** Absolute site URL (for feeds and the sitemap); optional. */
    site: urlWith(['http:', 'https:'], 'must be an http or https URL, e.g. https://wiki.example.org').optional(),
    /** Sub-path the site is served under, e.g. "/wiki/". */
    base: basePath.default('/'),
    /** Folder of the repository that holds the communities. */
    content: z.string().min(1).default('content'),
    /**
     * Folders under the content folder that are not content, as globs from the content folder: "vendor"
     * (at any depth), "docs/_site", "**" + "/build". node_modules, vendor and hidden folders never are.
     */
    exclude: z.array(z.string().min(1).refine((g) => !g.split('/').includes('..'), 'must stay inside the content folder (no "..")')).default([]),
    /** The community that files directly in the content folder belong to. */
    defaultCommunity: z
      .object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).default('general'), name: z.string().default('General') })
      .prefault({}),
    /** Default page language (BCP 47), overridable per page with `lang` front matter. */
    language: z.string().min(2).default('en'),
    repository: z
      .object({
        url: urlWith(['http:', 'https:', 'ssh:'], 'must be an https, http or ssh:// URL of the repository'),
        branch: z.string().min(1).default('main'),
        forge: z.enum(['github', 'gitlab', 'gitea', 'forgejo', 'bitbucket']).optional(),
      })
      .optional(),
    /**
     * What a link to no page or file does: "warning" builds the site anyway (the link renders as marked
     * text, never a dangling href) and lists it; "error" stops the build and fails `wiki check`.
     */
    brokenLinks: z.enum(['error', 'warning']).default('warning'),
    /** Author names or emails (`*` wildcards allowed) kept out of contributor lists, besides the built-in bot patterns. */
    bots: z.array(z.string()).default([]),
    /** Who counts as one person and who as a bot where .mailmap says nothing (the README's Attribution section). */
    identities: z
      .object({
        /** Commits under one name (any case or spacing) or one forge login are one person; .mailmap always wins. */
        joinByName: z.boolean().default(true),
        /** Names or emails (`*` wildcards) the built-in bot patterns must not catch, e.g. a person called "Robot". */
        notBots: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    /** Owners of the files that decide credit and review (.mailmap, wiki.config.yml, CODEOWNERS): "@user", "@org/team" or emails, as CODEOWNERS takes them. */
    maintainers: z.array(z.string().regex(/^(@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?|[^\s@#]+@[^\s@#]+)$/, 'must be a GitHub "@user" or "@org/team", or an email')).default([]),
    /** Thresholds of the history views: knowledge at risk, active contributors, "ask these people", history pages. */
    attribution: z
      .object({
        /** Share of a page's surviving lines from one person at which the page depends on them (0–1). */
        atRiskShare: z.number().min(0).max(1).default(0.8),
        /** Days without contributing anywhere after which that person counts as gone. */
        inactiveDays: z.number().int().positive().default(180),
        /** Days within which a contributor counts as active on a community home. */
        activeDays: z.number().int().positive().default(90),
        /** Days after which a contribution weighs half in "ask these people". */
        askHalfLifeDays: z.number().int().positive().default(365),
        /** Revisions per history page before it paginates. */
        revisionsPerPage: z.number().int().min(5).default(50),
      })
      .strict()
      .prefault({}),
    security: z
      .object({
        /** Hosts whose <iframe> embeds survive sanitizing, e.g. "www.youtube-nocookie.com". */
        iframeHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/i, 'must be a host name')).default([]),
        /** Community slugs in which .mdx pages (which run code at build time) are allowed; "*" for all. None unless listed. */
        mdx: z.array(z.string()).default([]),
      })
      .prefault({}),
  })
  .strict();

export type WikiConfig = z.output<typeof wikiConfigSchema>;
