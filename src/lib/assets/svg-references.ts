// Runs anywhere: which URLs and CSS an SVG asset may hold (links, image sources, #id references, style sheets).

/** What a browser's URL parser does first: drop tabs and newlines anywhere, then C0 controls and spaces at the ends. */
const normalizeUrl = (value: string) => value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');

const schemeOf = (url: string) => /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();

const EMBEDDED_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES = new Set(['http', 'https']);

/** True when the value holds a script URL anywhere (animation `values` lists, odd spacing or controls included). */
export const holdsScriptUrl = (value: string) => /(?:java|vb|live)script:/i.test(value.replace(/[\x00-\x20]+/g, ''));

export type HrefPolicy = 'link' | 'image' | 'fragment';

/** `<a>` links out; `<image>`/`<feImage>` show a picture (browsers never run script in one, SVG or not); the rest point at ids. */
export function hrefPolicyOf(element: string): HrefPolicy {
  if (element === 'a') return 'link';
  if (element === 'image' || element === 'feImage') return 'image';
  return 'fragment';
}

/** Why this href is refused on this kind of element, or undefined when it is allowed. */
export function hrefProblem(policy: HrefPolicy, value: string): string | undefined {
  const url = normalizeUrl(value);
  if (url === '' || url.startsWith('#')) return undefined;
  if (policy === 'link') {
    const scheme = schemeOf(url);
    return scheme === undefined || LINK_SCHEMES.has(scheme) ? undefined : 'links may use http:, https:, mailto: or a relative URL';
  }
  if (policy === 'image') {
    const scheme = schemeOf(url);
    return EMBEDDED_IMAGE.test(url) || scheme === undefined || IMAGE_SCHEMES.has(scheme)
      ? undefined
      : 'images may be embedded (data:image/…), relative, or http:/https:';
  }
  return 'only references to an id in the same file (#id) are allowed';
}

/** CSS loads images and fonts only (no browser runs script from CSS now); a data: URL must be one of those. */
const CSS_DATA_URL = /^data:(?:image\/|font\/|application\/(?:x-)?font-)/i;

/** Why this CSS (a `<style>` sheet, a style attribute or a presentation attribute) is refused, or undefined. */
export function cssProblem(css: string): string | undefined {
  // CSS escapes (`u\72l(`) would let a reference hide from the checks below.
  if (css.includes('\\')) return 'a backslash escape';
  if (/@import/i.test(css)) return '@import, which loads another style sheet';
  if (holdsScriptUrl(css)) return 'a javascript: URL';
  if (/expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) return 'a legacy script hook (expression, behavior, -moz-binding)';
  for (const match of css.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
    const target = (match[1] ?? '').trim();
    if (/^data:/i.test(target) && !CSS_DATA_URL.test(target)) return `url(${target.slice(0, 60)}), a data: URL that is not an image or a font`;
  }
  return undefined;
}
