// The asset type allowlist: what is copied into the site and what is left out, with the reason given.
import { describe, expect, it } from 'vitest';
import { assetTypeVerdict } from '../../src/lib/content/asset-types.ts';

describe('asset types', () => {
  it.each([
    'ops/flow.png', 'ops/Photo.JPG', 'a.jpeg', 'a.gif', 'a.webp', 'a.avif', 'a.bmp', 'favicon.ico', 'logo.svg', 'logo.svgz',
    'report.pdf', 'talk.mp3', 'a.ogg', 'a.oga', 'a.wav', 'a.flac', 'a.m4a', 'a.aac', 'a.opus',
    'demo.mp4', 'a.webm', 'a.ogv', 'a.mov', 'a.m4v', 'notes.txt', 'data.csv', 'data.tsv', 'data.json',
    'a.woff', 'a.woff2', 'a.ttf', 'a.otf', 'a.docx', 'a.xlsx', 'a.pptx', 'a.odt', 'a.ods', 'a.odp', 'a.doc', 'a.xls', 'a.ppt', 'a.rtf',
    'templates.zip',
  ])('publishes %s', (file) => {
    expect(assetTypeVerdict(file)).toEqual({ published: true });
  });

  it.each([
    ['media/page.html', /^\.html files run script on the site's origin; link to it elsewhere or convert it to a page$/],
    ['media/PAGE.HTM', /^\.htm files run script/],
    ['a.shtml', /^\.shtml files run script/],
    ['a.xhtml', /^\.xhtml files run script/],
    ['a.xht', /^\.xht files run script/],
    ['feed.xml', /^\.xml files can carry XHTML script/],
    ['style.xsl', /^\.xsl files can carry XHTML script/],
    ['sw.js', /^\.js files run as script on the site's origin, or install a service worker/],
    ['mod.mjs', /^\.mjs files run as script/],
    ['site.css', /^\.css files are stylesheets/],
    ['setup.exe', /^\.exe files are programs/],
    ['budget.xlsm', /^\.xlsm files are programs or macro documents/],
    ['notes.yml', /^\.yml is not a file type the wiki publishes \(images, PDF/],
    ['Makefile', /^files without an extension are not published/],
    ['.htaccess', /^files without an extension/],
  ])('refuses %s', (file, reason) => {
    const verdict = assetTypeVerdict(file);
    expect(verdict.published).toBe(false);
    if (!verdict.published) expect(verdict.reason).toMatch(reason);
  });
});
