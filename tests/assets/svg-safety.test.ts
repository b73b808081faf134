// SVG assets are parsed as XML the way a browser reads them, and only inert drawing markup is published.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAsset, needsContentCheck } from '../../src/lib/assets/asset-safety.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/svg');
const fixture = (kind: string, name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, kind, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const SCRIPT_SVG = `<svg ${SVG}><script>document.documentElement.setAttribute('data-pwned','yes')</script></svg>`;

function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((c) => [...c].map((ch) => ch.charCodeAt(0)));
  return new Uint8Array(units.flatMap((u) => (endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
}

/** Hostile files on disk (tests/fixtures/svg/hostile), each with what the refusal must name and where. */
const HOSTILE_FILES: [string, RegExp, number][] = [
  ['doctype-attlist-onload.svg', /DOCTYPE with an internal subset/, 1],
  ['doctype-entity.svg', /entity declarations/, 1],
  ['xml-stylesheet.svg', /processing instruction <\?xml-stylesheet/, 2],
  ['svg-prefixed-script.svg', /<script> \(<s:script> in namespace http:\/\/www\.w3\.org\/2000\/svg\)/, 2],
  ['xhtml-script.svg', /<script> \(<h:script> in namespace http:\/\/www\.w3\.org\/1999\/xhtml\)/, 2],
  ['entity-encoded-href.svg', /javascript: URL in href on <a>/, 2],
  ['entity-encoded-xlink-href.svg', /javascript: URL in xlink:href on <a>/, 2],
  ['set-href.svg', /<set> animates "href"/, 2],
  ['animate-xlink-href.svg', /<animate> animates "xlink:href"/, 2],
  ['foreignobject-iframe.svg', /<foreignObject>/, 2],
  ['xhtml-iframe.svg', /<iframe> in the XHTML namespace/, 2],
  ['uppercase-onload.svg', /event handler \(ONLOAD=\)/, 1],
  ['tab-in-javascript.svg', /javascript: URL in href on <a>/, 2],
  ['use-data.svg', /<use> has href="data:image\/svg\+xml.*only references to an id in the same file/, 2],
  ['use-external.svg', /<use> has href="https:\/\/evil\.example\/sprite\.svg#icon"/, 2],
  ['a-javascript.svg', /javascript: URL in href on <a>/, 2],
];

describe('hostile SVGs are refused', () => {
  it('covers every file in the hostile corpus', () => {
    expect(readdirSync(path.join(FIXTURES, 'hostile')).sort()).toEqual(HOSTILE_FILES.map(([name]) => name).sort());
  });

  it.each(HOSTILE_FILES)('%s', (name, message, line) => {
    const found = checkAsset(`content/ops/${name}`, fixture('hostile', name));
    expect(found?.file).toBe(`content/ops/${name}`);
    expect(found?.severity).toBe('error');
    expect(found?.message).toMatch(message);
    expect(found?.line).toBe(line);
  });

  it('decodes UTF-16 (either byte order, by its byte order mark) before looking', () => {
    for (const endian of ['le', 'be'] as const) {
      const found = checkAsset('content/a.svg', utf16(SCRIPT_SVG, endian));
      expect(found?.message).toMatch(/<script>/);
    }
  });

  it('refuses UTF-16 without a byte order mark, and encodings that can hide markup', () => {
    expect(checkAsset('content/a.svg', utf16(SCRIPT_SVG, 'le', false))?.message).toMatch(/UTF-16 without a byte order mark/);
    const declared = (encoding: string) => checkAsset('content/a.svg', utf8(`<?xml version="1.0" encoding="${encoding}"?><svg ${SVG}/>`));
    expect(declared('UTF-16')?.message).toMatch(/no byte order mark/);
    expect(declared('Shift_JIS')?.message).toMatch(/can hide markup.*save the file as UTF-8/);
    expect(declared('UTF-7')?.message).toMatch(/browsers do not know/);
  });

  it('decompresses .svgz (and any gzip bytes) before looking', () => {
    expect(checkAsset('content/a.svgz', gzipSync(SCRIPT_SVG))?.message).toMatch(/<script>/);
    expect(checkAsset('content/a.svg', gzipSync(utf16(SCRIPT_SVG, 'le')))?.message).toMatch(/<script>/);
    expect(needsContentCheck('content/a.svgz', 10_000_000)).toBe(true);
  });

  it('refuses a compressed SVG that inflates past 10 MB, and damaged gzip', () => {
    const bomb = gzipSync(`<svg ${SVG}>${' '.repeat(11 * 1024 * 1024)}</svg>`);
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkAsset('content/bomb.svgz', bomb)?.message).toMatch(/inflates to more than 10 MB/);
    expect(checkAsset('content/bad.svgz', gzipSync(SCRIPT_SVG).subarray(0, 20))?.message).toMatch(/damaged/);
  });

  it.each([
    [`<svg ${SVG}><rect/>\n</svg>\n<svg ${SVG}/>`, /second root element/, 3],
    [`<svg ${SVG}><g></svg>`, /not well-formed XML \(Unexpected close tag\)/, 1],
    [`<svg ${SVG}><a href="#a" href="javascript:x">t</a></svg>`, /javascript: URL|repeats the attribute/, 1],
    [`<svg ${SVG}><a href="#a" href="#b">t</a></svg>`, /repeats the attribute href on <a>/, 1],
    [`<svg ${SVG}>&nbsp;</svg>`, /not well-formed XML/, 1],
    [`<svg ${SVG} xmlns:x="http://www.w3.org/1999/xlink"><a href="#a" x:href="javascript:x">t</a></svg>`, /javascript: URL in x:href/, 1],
    [`<svg ${SVG}><a href="data:text/html,&lt;script&gt;x&lt;/script&gt;">t</a></svg>`, /links may use http:, https:, mailto:/, 1],
    [`<svg ${SVG}><a href=" vbscript:x">t</a></svg>`, /javascript: URL/, 1],
    [`<svg ${SVG}><handler xmlns="http://www.w3.org/2001/xml-events" event="load">x</handler></svg>`, /XML Events namespace/, 1],
    [`<svg ${SVG}><math xmlns="http://www.w3.org/1998/Math/MathML"/></svg>`, /MathML namespace/, 1],
    [`<svg ${SVG}><cursor href="c.png"/></svg>`, /contains <cursor>, which this wiki does not publish/, 1],
    [`<svg ${SVG}><x:y xmlns:x="urn:unknown"/></svg>`, /<x:y> in namespace urn:unknown/, 1],
    [`<svg ${SVG} xmlns:x="urn:unknown"><rect x:onclick="a"/></svg>`, /event handler \(x:onclick=\)/, 1],
    [`<svg ${SVG} xmlns:x="urn:unknown"><rect x:thing="a"/></svg>`, /attribute x:thing \(namespace urn:unknown\)/, 1],
    [`<svg ${SVG}><g xml:base="https://evil.example/"/></svg>`, /attribute xml:base/, 1],
    [`<svg ${SVG}><metadata><dc:x xmlns:dc="http://purl.org/dc/elements/1.1/" xml:base="https://evil.example/"/></metadata></svg>`, /attribute xml:base on <dc:x>/, 1],
    [`<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink"><metadata><dc:x xmlns:dc="http://purl.org/dc/elements/1.1/" xlink:href="#a"/></metadata></svg>`, /attribute xlink:href on <dc:x>/, 1],
    [`<svg ${SVG}>\n<style>@import url(https://evil.example/x.css);</style></svg>`, /<style> contains @import/, 2],
    [`<svg ${SVG}><style>rect { fill: u\\72l(x) }</style></svg>`, /backslash escape/, 1],
    [`<svg ${SVG}><rect style="background:url('data:text/html,x')"/></svg>`, /style attribute on <rect> contains url\(data:text\/html,x\), a data: URL/, 1],
    [`<svg ${SVG}><rect fill="\\75rl(x)"/></svg>`, /attribute fill on <rect> contains a backslash/, 1],
    [`<svg ${SVG}><style><g/></style></svg>`, /<g> inside <style>/, 1],
    [`<svg ${SVG}><rect><animate attributeName="style" to="x"/></rect></svg>`, /animates "style"/, 1],
    [`<svg ${SVG}><image href="javascript:x"/></svg>`, /javascript: URL/, 1],
    [`<svg ${SVG}><image href="data:text/html;base64,PHNjcmlwdD4="/></svg>`, /images may be embedded/, 1],
    [`<svg ${SVG}><linearGradient id="g" href="other.svg#g"/></svg>`, /only references to an id in the same file/, 1],
    [`<svg><rect/></svg>`, /root element must be <svg> in the SVG namespace/, 1],
    [`<svg ${SVG}><rect xmlns=""/></svg>`, /<rect> outside the SVG namespace/, 1],
    [`<svg ${SVG}><!ELEMENT x ANY></svg>`, /<!…> declaration/, 1],
    [`<!DOCTYPE html>\n<svg ${SVG}/>`, /DOCTYPE other than SVG's own/, 1],
    [`<?xml version="1.1"?><svg ${SVG}/>`, /XML declaration is not/, 1],
    [`\n<?xml version="1.0"?><svg ${SVG}/>`, /XML declaration that is not at the very start/, 2],
    [`<svg ${SVG}><a:b:c xmlns:a="urn:a"/></svg>`, /not a valid XML name/, 1],
    ['', /no root element/, 1],
    ['GIF89a not an svg', /not well-formed XML/, 1],
  ])('refuses %j', (svg, message, line) => {
    const found = checkAsset('content/x.svg', utf8(svg));
    expect(found?.message).toMatch(message);
    expect(found?.line).toBe(line);
  });

  it('points at the line of the offending attribute in a tag spread over many lines (as editors write them)', () => {
    const svg = `<svg\n   ${SVG}\n   width="10"\n   onload="x"\n   height="10"/>`;
    expect(checkAsset('content/x.svg', utf8(svg))).toMatchObject({ line: 4, column: 4 });
  });
});

describe('ordinary SVGs are published', () => {
  const benign = readdirSync(path.join(FIXTURES, 'benign')).sort();

  it('has editors’ real exports in the corpus', () => {
    expect(benign).toEqual(expect.arrayContaining(['inkscape.svg', 'illustrator.svg', 'drawio.svg', 'icon-with-style.svg']));
  });

  it.each(benign)('%s', (name) => {
    expect(checkAsset(`content/ops/${name}`, fixture('benign', name))).toBeUndefined();
  });

  it('accepts the same drawings as UTF-16 with a byte order mark and as .svgz', () => {
    const text = readFileSync(path.join(FIXTURES, 'benign', 'inkscape.svg'), 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(checkAsset('content/a.svg', utf16(text, 'le'))).toBeUndefined();
    expect(checkAsset('content/a.svg', utf16(text, 'be'))).toBeUndefined();
    expect(checkAsset('content/a.svgz', gzipSync(fixture('benign', 'drawio.svg')))).toBeUndefined();
  });

  it.each([
    '<!DOCTYPE svg>',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">',
    "<!DOCTYPE svg SYSTEM 'svg11.dtd'>",
  ])('accepts the DOCTYPE %s (no internal subset)', (doctype) => {
    expect(checkAsset('content/a.svg', utf8(`${doctype}\n<svg ${SVG}/>`))).toBeUndefined();
  });

  it('accepts large embedded images (long attribute values)', () => {
    const png = `data:image/png;base64,${'A'.repeat(3_000_000)}`;
    expect(checkAsset('content/a.svg', utf8(`<svg ${SVG}><image href="${png}" width="1" height="1"/></svg>`))).toBeUndefined();
  });

  it('accepts links, relative and remote images, and #id references', () => {
    const svg = `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink"><a href="../page/">x</a><a xlink:href="mailto:a@example.org">m</a>`
      + `<image href="photo.png"/><image href="https://example.org/p.png"/><use href="#a"/><use xlink:href=" #a "/></svg>`;
    expect(checkAsset('content/a.svg', utf8(svg))).toBeUndefined();
  });
});

describe('style sheets are read as the browser assembles them', () => {
  it.each([
    `<svg ${SVG}><style><![CDATA[@import url(x.css);]]></style></svg>`,
    `<svg ${SVG}><style>@imp<!-- split -->ort url(x.css);</style></svg>`,
    `<svg ${SVG}><style>&#64;import url(x.css);</style></svg>`,
  ])('finds @import in %j', (svg) => {
    expect(checkAsset('content/x.svg', utf8(svg))?.message).toMatch(/<style> contains @import/);
  });
});
