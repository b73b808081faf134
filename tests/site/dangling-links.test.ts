// Checks the post-build link check on hand-made build folders: each internal URL a page links or loads must name a file written, and its fragment an anchor there.
import { describe, expect, it } from 'vitest';
import { readBuiltPage, refreshUrl } from '../../src/lib/site/built-page-links.ts';
import { checkBuiltSite, type SiteAddress } from '../../src/lib/site/dangling-links.ts';
import { danglingLinkLines, danglingLinksSummary } from '../../src/lib/site/dangling-links-report.ts';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

/** The misses of a build folder: `html` are its pages, `others` its other files. */
function misses(html: Record<string, string>, others: string[] = [], address: SiteAddress = { base: '/' }) {
  const found = checkBuiltSite(new Map(Object.entries(html)), [...Object.keys(html), ...others], address);
  return found.map(({ file, url, why, severity }) => ({ file, url, why, severity }));
}

describe('links to files', () => {
  it('finds a link to a page or file that was not written, and none to those that were', () => {
    const found = misses(
      {
        'index.html': page('<a href="/ops/">ops</a><a href="/ops/gone/">gone</a><img src="/ops/pic.png"><img src="/ops/lost.png">'),
        'ops/index.html': page('<a href="../">home</a><a href="deploy/">relative</a><a href="./lost/">lost</a>'),
        'ops/deploy/index.html': page(''),
      },
      ['ops/pic.png'],
    );
    expect(found).toEqual([
      { file: 'index.html', url: '/ops/gone/', why: 'no file ops/gone/index.html', severity: 'error' },
      { file: 'index.html', url: '/ops/lost.png', why: 'no file ops/lost.png, ops/lost.png/index.html or ops/lost.png.html', severity: 'error' },
      { file: 'ops/index.html', url: './lost/', why: 'no file ops/lost/index.html', severity: 'error' },
    ]);
  });

  it('serves /x as the file x, else x/index.html or x.html, as a static server does; /x/ only as x/index.html', () => {
    const found = misses({ 'index.html': page('<a href="/a">a</a><a href="/b">b</a><a href="/c">c</a><a href="/c/">c/</a><a href="/feeds/recent.xml">feed</a>'), 'a/index.html': page(''), 'b.html': page('') }, ['c', 'feeds/recent.xml']);
    expect(found).toEqual([{ file: 'index.html', url: '/c/', why: 'no file c/index.html', severity: 'error' }]);
  });

  it('ignores query strings, other origins and other schemes, and checks the site’s own origin', () => {
    const found = misses(
      {
        'index.html': page(
          '<a href="/search/?q=x">q</a><a href="https://example.org/nope/">ext</a><a href="//cdn.example.org/x.js">cdn</a>' +
            '<a href="mailto:a@example.org">mail</a><a href="tel:+1">tel</a><a href="javascript:void(0)">js</a><img src="data:image/png;base64,AA==">' +
            '<link rel="canonical" href="https://wiki.example.org/gone/">',
        ),
        'search/index.html': page(''),
      },
      [],
      { base: '/', site: 'https://wiki.example.org' },
    );
    expect(found).toEqual([{ file: 'index.html', url: 'https://wiki.example.org/gone/', why: 'no file gone/index.html', severity: 'error' }]);
  });

  it('decodes percent-encoded names, and reports a path that does not decode', () => {
    const found = misses(
      {
        'index.html': page('<a href="/caf%C3%A9/">encoded</a><a href="/café/">raw</a><img src="/a%20b/my%20pic.png"><a href="/100%/">bad</a><a href="/Caf%C3%A9/">case</a>'),
        'café/index.html': page(''),
      },
      ['a b/my pic.png'],
    );
    expect(found).toEqual([
      { file: 'index.html', url: '/100%/', why: 'its path is not valid percent-encoding', severity: 'error' },
      { file: 'index.html', url: '/Caf%C3%A9/', why: 'no file Café/index.html', severity: 'error' },
    ]);
  });

  it('checks every candidate of a srcset, and src, poster, srcset of <source>, <link>, <script>, forms, SVG <use> and refresh', () => {
    const found = misses(
      {
        'index.html': page(
          '<img src="/a.png" srcset="/a.png 1x, /a-2x.png 2x,/b%2Cc.png 640w">' +
            '<picture><source srcset="/s.webp" type="image/webp"><img src="/a.png"></picture>' +
            '<video src="/v.mp4" poster="/poster.png"><source src="/v.webm"><track src="/t.vtt"></video>' +
            '<script src="/app.js"></script><form action="/find/"><button formaction="/other/">go</button></form>' +
            '<svg><use href="/icons.svg#i"></use><use xlink:href="/gone.svg#i"></use></svg>',
          '<link rel="stylesheet" href="/style.css"><meta http-equiv="refresh" content="0; url=\'/moved/\'">',
        ),
      },
      ['a.png', 'b,c.png', 'v.mp4', 'poster.png', 'icons.svg', 'style.css'],
    );
    expect(found.map((f) => f.url)).toEqual(['/moved/', '/a-2x.png', '/s.webp', '/v.webm', '/t.vtt', '/app.js', '/find/', '/other/', '/gone.svg#i']);
  });

  it('maps URLs under the base path to the build folder, and reports those outside it', () => {
    const found = misses(
      {
        'index.html': page('<a href="/wiki/">home</a><a href="/wiki">home bare</a><a href="/wiki/ops/">ops</a><a href="/ops/">no base</a><a href="/wiki/gone/">gone</a>'),
        'ops/index.html': page('<a href="../">up</a><a href="../../">above the base</a>'),
      },
      [],
      { base: '/wiki/' },
    );
    expect(found).toEqual([
      { file: 'index.html', url: '/ops/', why: 'outside the base path /wiki/ the site is served under', severity: 'error' },
      { file: 'index.html', url: '/wiki/gone/', why: 'no file gone/index.html', severity: 'error' },
      { file: 'ops/index.html', url: '../../', why: 'outside the base path /wiki/ the site is served under', severity: 'error' },
    ]);
  });

  it('resolves relative URLs against <base href> when the page has one', () => {
    const found = misses({ 'ops/index.html': page('<a href="deploy/">d</a><a href="x/">x</a>', '<base href="/other/">'), 'other/deploy/index.html': page('') });
    expect(found).toEqual([{ file: 'ops/index.html', url: 'x/', why: 'no file other/x/index.html', severity: 'error' }]);
  });

  it('reports a relative link on the 404 page, which is served at every missed address', () => {
    const found = misses({ '404.html': page('<a href="#main">skip</a><a href="/">home</a><a href="search/">search</a><main id="main"></main>'), 'index.html': page('<main id="main"></main>'), 'search/index.html': page('') });
    expect(found).toEqual([{ file: '404.html', url: 'search/', why: 'a relative link on the 404 page, which is served at whatever address was missed', severity: 'error' }]);
  });

  it('reads real HTML: a link inside a script, a comment or a textarea is no link', () => {
    const found = misses({ 'index.html': page('<script>document.write(\'<a href="/x/">\')</script><!-- <a href="/y/"> --><textarea><a href="/z/"></textarea><a href = /bare/ >unquoted</a>') });
    expect(found).toEqual([{ file: 'index.html', url: '/bare/', why: 'no file bare/index.html', severity: 'error' }]);
  });
});

describe('links to fragments', () => {
  const target = page('<h2 id="setup">Setup</h2><a name="legacy"></a><h2 id="café">Café</h2><template><p id="cloned"></p></template>');

  it('finds a fragment that no id or <a name> of the target page offers', () => {
    const found = misses({
      'index.html': page('<a href="/ops/#setup">ok</a><a href="/ops/#legacy">name</a><a href="/ops/#gone">gone</a><a href="/ops/#cloned">template</a><a href="/ops/#Setup">case</a>'),
      'ops/index.html': target,
    });
    expect(found).toEqual([
      { file: 'index.html', url: '/ops/#gone', why: 'no id or name "gone" in ops/index.html', severity: 'error' },
      { file: 'index.html', url: '/ops/#cloned', why: 'no id or name "cloned" in ops/index.html', severity: 'error' },
      { file: 'index.html', url: '/ops/#Setup', why: 'no id or name "Setup" in ops/index.html', severity: 'error' },
    ]);
  });

  it('lands as browsers land: on the page itself, decoded, at # and #top, and ignores text fragments', () => {
    const found = misses({
      'ops/index.html': page(
        '<p id="a b"></p><h2 id="setup"></h2><h2 id="café"></h2><a href="#">top</a><a href="#top">top</a><a href="#TOP">TOP</a><a href="#caf%C3%A9">encoded</a><a href="#café">raw</a>' +
          '<a href="#a%20b">space</a><a href="#setup:~:text=x">text fragment</a><a href="#nowhere">none here</a><a href="?q=1#a%20b">query</a>',
      ),
    });
    expect(found).toEqual([{ file: 'ops/index.html', url: '#nowhere', why: 'no id or name "nowhere" in ops/index.html', severity: 'error' }]);
  });

  it('does not look for fragments in files that are not HTML', () => {
    expect(misses({ 'index.html': page('<a href="/doc.pdf#page=2">pdf</a>') }, ['doc.pdf'])).toEqual([]);
  });

  it('only warns for a fragment written in a page’s own text, the author’s to fix; a file missing there is still an error', () => {
    const found = misses({
      'index.html': page('<nav><a href="/ops/#gone">nav</a></nav><article data-wiki-content><p><a href="/ops/#stale">text</a><a href="/lost/">lost</a></p></article>'),
      'ops/index.html': target,
    });
    expect(found).toEqual([
      { file: 'index.html', url: '/ops/#gone', why: 'no id or name "gone" in ops/index.html', severity: 'error' },
      { file: 'index.html', url: '/ops/#stale', why: 'no id or name "stale" in ops/index.html', severity: 'warning' },
      { file: 'index.html', url: '/lost/', why: 'no file lost/index.html', severity: 'error' },
    ]);
  });
});

describe('the report', () => {
  it('groups one link missing from many pages, and says how many more', () => {
    const html: Record<string, string> = {};
    for (let i = 0; i < 8; i++) html[`p${i}/index.html`] = page('<a href="/sidebar-gone/">s</a>');
    html['p0/index.html'] = page('<a href="/sidebar-gone/">s</a><img src="/a.png">');
    const found = checkBuiltSite(new Map(Object.entries(html)), Object.keys(html), { base: '/' });
    expect(danglingLinkLines(found, 'dist', 3)).toEqual([
      'dist/p0/index.html: error: /a.png points to nothing (no file a.png, a.png/index.html or a.png.html)',
      'dist/p0/index.html: error: /sidebar-gone/ points to nothing (no file sidebar-gone/index.html)',
      'dist/p1/index.html: error: /sidebar-gone/ points to nothing (no file sidebar-gone/index.html)',
      'dist/p2/index.html: error: /sidebar-gone/ points to nothing (no file sidebar-gone/index.html)',
      '  … and 5 more files with the same link',
    ]);
    expect(danglingLinksSummary(found)).toBe('9 internal links of the built site point to nothing, in 8 files (listed above): a bug of the wiki, not of the content, please report it');
  });
});

describe('reading a page', () => {
  it('reads the URL of a refresh as the HTML standard does', () => {
    expect(refreshUrl('0; url=/a/')).toBe('/a/');
    expect(refreshUrl('3;URL="/b/"')).toBe('/b/');
    expect(refreshUrl("0, url = '/c/' ")).toBe('/c/');
    expect(refreshUrl('5')).toBeUndefined();
  });

  it('reads a page nested deeper than the call stack without failing', () => {
    const deep = '<div>'.repeat(20_000) + '<a href="/x/">x</a>' + '</div>'.repeat(20_000);
    expect(readBuiltPage(page(deep)).links.map((l) => l.url)).toEqual(['/x/']);
  });
});
