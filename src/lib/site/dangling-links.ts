// Runs anywhere: which links of the built site point to no file it wrote, or to no anchor in the page they name, as a static server and a browser would find them.
import type { Severity } from '../problems.ts';
import { readBuiltPage, type BuiltPage } from './built-page-links.ts';

export interface SiteAddress {
  /** The base path the site is served under, as in the config: `/` or `/wiki/`. */
  base: string;
  /** The site's own origin (config `site`), whose absolute URLs are links into the site too. */
  site?: string;
}

export interface DanglingLink {
  /** The page holding the link: a path under the build folder, with forward slashes. */
  file: string;
  /** The URL as written. */
  url: string;
  where: string;
  /** Why it lands nowhere: "no file x/index.html". */
  why: string;
  /**
   * A warning only for a fragment missing from a page that exists, written in a page's own text: the author's
   * to fix, as a broken link is, so it never stops the build. Every other miss is the wiki's own bug.
   */
  severity: Severity;
}

/** A stand-in origin for the built site's own addresses; `.invalid` is reserved and never resolves. */
const ORIGIN = 'https://built-site.invalid';

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);
const encodePath = (file: string) => file.split('/').map(encodeURIComponent).join('/');

/** The address a static server gives a file: `a/b/index.html` at `{base}a/b/`, others at their own name. */
function addressOf(file: string, base: string): string {
  const folder = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : undefined;
  return `${ORIGIN}${base}${encodePath(folder ?? file)}`;
}

function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

type Target = { file: string } | { why: string };

/**
 * The file a path under the base names: `x/` is `x/index.html`; `x` is the file `x`, else `x/index.html` (a
 * static server redirects there) or `x.html` (servers of clean URLs serve it).
 */
function fileAt(pathname: string, base: string, files: ReadonlySet<string>): Target {
  const home = base.slice(0, -1);
  if (pathname !== home && !pathname.startsWith(base)) return { why: `outside the base path ${base} the site is served under` };
  const rest = decodeOrUndefined(pathname.slice(base.length));
  if (rest === undefined) return { why: 'its path is not valid percent-encoding' };
  const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}/index.html`, `${rest}.html`];
  const file = candidates.find((c) => files.has(c));
  if (file) return { file };
  const named = candidates.length === 1 ? candidates[0]! : `${candidates.slice(0, -1).join(', ')} or ${candidates.at(-1)!}`;
  return { why: `no file ${named}` };
}

/** A browser's "indicated part": an element with that id, or an `<a>` with that name, as written or percent-decoded; `#top` is the top. */
function landsOn(fragment: string, anchors: ReadonlySet<string>): boolean {
  if (fragment === '' || anchors.has(fragment)) return true;
  const decoded = decodeOrUndefined(fragment) ?? fragment;
  return anchors.has(decoded) || decoded.toLowerCase() === 'top';
}

/** A relative path on the 404 page resolves against whatever address was missed, so it lands somewhere else on every miss. */
const isPathRelative = (url: string) => !/^[\s\u0000-\u001f]*([a-z][a-z\d+.-]*:|[/\\#?])/i.test(url);

/**
 * Every link of `pages` (path under the build folder to what its HTML holds) that names a file missing from
 * `files` (every file written, HTML or not), or a fragment its target page has no anchor for. Query strings
 * are ignored; links to other origins and other schemes (mailto:, tel:) are not the site's to check.
 */
export function findDanglingLinks(pages: ReadonlyMap<string, BuiltPage>, files: ReadonlySet<string>, address: SiteAddress): DanglingLink[] {
  const base = withSlash(address.base.startsWith('/') ? address.base : `/${address.base}`);
  const siteOrigin = address.site ? URL.parse(address.site)?.origin : undefined;
  const targets = new Map<string, Target>();
  const resolvedUrls = new Map<string, URL | null>();
  const dangling: DanglingLink[] = [];
  for (const [file, page] of pages) {
    const pageAddress = addressOf(file, base);
    const documentBase = page.baseHref === undefined ? pageAddress : (URL.parse(page.baseHref, pageAddress)?.href ?? pageAddress);
    const rootRelativeShared = page.baseHref === undefined;
    for (const { url, where, authored } of page.links) {
      const miss = (why: string, severity: Severity = 'error') => dangling.push({ file, url, where, why, severity });
      if (file === '404.html' && isPathRelative(url)) {
        miss('a relative link on the 404 page, which is served at whatever address was missed');
        continue;
      }
      // A root-relative URL resolves the same on every page without <base>: the sidebar's thousands are parsed once.
      const key = rootRelativeShared && url[0] === '/' && url[1] !== '/' && url[1] !== '\\' ? url : `${documentBase}\n${url}`;
      let resolved = resolvedUrls.get(key);
      if (resolved === undefined) resolvedUrls.set(key, (resolved = URL.parse(url, documentBase)));
      if (!resolved) {
        miss('not a valid URL');
        continue;
      }
      if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') continue;
      if (resolved.origin !== ORIGIN && resolved.origin !== siteOrigin) continue;
      let target = targets.get(resolved.pathname);
      if (!target) targets.set(resolved.pathname, (target = fileAt(resolved.pathname, base, files)));
      if ('why' in target) {
        miss(target.why);
        continue;
      }
      // A text fragment (`#:~:text=…`) is a directive to the browser, not an anchor.
      const fragment = resolved.hash.slice(1).split(':~:')[0]!;
      if (fragment === '' || !target.file.endsWith('.html')) continue;
      const anchors = pages.get(target.file)?.anchors;
      if (anchors && !landsOn(fragment, anchors)) {
        miss(`no id or name "${decodeOrUndefined(fragment) ?? fragment}" in ${target.file}`, authored ? 'warning' : 'error');
      }
    }
  }
  return dangling;
}

/** The whole check on HTML already in memory: `html` maps each page under the build folder to its text. */
export function checkBuiltSite(html: ReadonlyMap<string, string>, files: Iterable<string>, address: SiteAddress): DanglingLink[] {
  const pages = new Map([...html].map(([file, text]) => [file, readBuiltPage(text)]));
  return findDanglingLinks(pages, new Set(files), address);
}
