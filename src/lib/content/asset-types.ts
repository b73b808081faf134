// Runs anywhere: which content files may be published as assets, decided by extension against an allowlist.
import { isTemplateFile, TEMPLATE_REASON } from './page-rule.ts';
import { extensionOf } from './paths.ts';

/**
 * File types a browser shows, plays or downloads but never runs as script on the site's origin.
 * SVG is listed because the SVG checker (src/lib/assets/asset-safety.ts) reads each one and refuses scripted ones.
 */
const PUBLISHED = new Set([
  // raster images
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.bmp', '.ico',
  // vector images, checked for script by src/lib/assets/
  '.svg', '.svgz',
  '.pdf',
  // audio
  '.mp3', '.ogg', '.oga', '.wav', '.flac', '.m4a', '.aac', '.opus',
  // video
  '.mp4', '.webm', '.ogv', '.mov', '.m4v',
  // plain text and data, served as text/plain, text/csv, application/json: shown, never run
  '.txt', '.csv', '.tsv', '.json',
  // fonts
  '.woff', '.woff2', '.ttf', '.otf',
  // office documents (downloaded; the macro-enabled variants .docm, .xlsm, .pptm are not listed)
  '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp', '.doc', '.xls', '.ppt', '.rtf',
  // archives of examples and templates: downloaded, never opened by the browser
  '.zip',
]);

/** Refused types whose danger deserves its own explanation; everything else unlisted gets the generic one. */
const REFUSED_BECAUSE: [readonly string[], string][] = [
  [['.html', '.htm', '.shtml', '.xhtml', '.xht', '.mht', '.mhtml', '.hta'], 'run script on the site\'s origin; link to it elsewhere or convert it to a page'],
  [['.xml', '.xsl', '.xslt', '.rss', '.atom', '.rdf', '.mml'], 'can carry XHTML script that runs on the site\'s origin'],
  [['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.wasm', '.map'], 'run as script on the site\'s origin, or install a service worker that stays'],
  [['.css'], 'are stylesheets, which on the site\'s origin can restyle its pages and leak what they show'],
  [['.exe', '.msi', '.bat', '.cmd', '.com', '.scr', '.ps1', '.vbs', '.sh', '.jar', '.apk', '.dmg', '.pkg', '.app', '.docm', '.xlsm', '.pptm'], 'are programs or macro documents, which would be downloaded from the site\'s own address'],
];

export type AssetTypeVerdict = { published: true } | { published: false; reason: string };

/** Whether a content file may be copied into the site; case-insensitive on the extension. */
export function assetTypeVerdict(path: string): AssetTypeVerdict {
  if (isTemplateFile(path)) return { published: false, reason: TEMPLATE_REASON };
  const ext = extensionOf(path);
  if (PUBLISHED.has(ext)) return { published: true };
  const known = REFUSED_BECAUSE.find(([exts]) => exts.includes(ext));
  if (known) return { published: false, reason: `${ext} files ${known[1]}` };
  const what = ext ? `${ext} is not a file type the wiki publishes` : 'files without an extension are not published';
  return { published: false, reason: `${what} (images, PDF, audio, video, plain text, CSV, JSON, fonts, office documents, .zip)` };
}
