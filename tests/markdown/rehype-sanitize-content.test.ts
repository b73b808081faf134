// The sanitizer inside Astro's real Markdown processor, against an XSS corpus and the HTML authors legitimately write.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { rehypeSanitizeContent } from '../../src/lib/markdown/rehype-sanitize-content.ts';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/rehype-heading-anchors.ts';

async function render(markdown: string, iframeHosts: string[] = ['www.youtube-nocookie.com']): Promise<string> {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    rehypePlugins: [[rehypeSanitizeContent, { iframeHosts }], rehypeHeadingAnchors],
  });
  return (await processor.render(markdown)).code;
}

/** Each entry is raw HTML an author might commit; none of it may reach the page able to run script. */
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<div onclick="alert(1)">x</div>',
  '<body onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://evil.example/embed"></iframe>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<form action="https://evil.example"><input name="password"><button>go</button></form>',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<base href="https://evil.example/">',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<video><source onerror=alert(1)></video>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<template><script>alert(1)</script></template>',
  '<picture><source srcset="data:text/html,<script>alert(1)</script> 1x, javascript:alert(1) 2x"><img src="a.png"></picture>',
  '<picture><source srcset="a.png 1x,data:text/html,<script>alert(1)</script> 2x"><img src="a.png"></picture>',
  '<picture><source srcset="a.png 1x, java\tscript:alert(1) 2x"><img src="a.png"></picture>',
  '<img srcset="data:text/html,<script>alert(1)</script> 1x">',
  '<img srcset="javascript:alert(1)">',
  '<video poster="javascript:alert(1)"><source src="javascript:alert(1)"></video>',
  '<a ping="javascript:alert(1)" href="https://example.org">x</a>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<div action="javascript:alert(1)">x</div>',
  '<button formaction="javascript:alert(1)">x</button>',
  '[x](javascript:alert(1)) [y](<java\tscript:alert(1)>) ![z](data:text/html,alert\\(1\\))',
  '<a href="java&#9;script:alert(1)">x</a> <a href="&#0;javascript:alert(1)">y</a>',
];

const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'svg', 'math', 'form', 'button', 'object', 'embed', 'meta', 'link', 'base', 'template', 'noscript', 'body']);
const URL_ATTRIBUTES = ['href', 'src', 'xLinkHref', 'action', 'formAction', 'data', 'cite', 'longDesc', 'poster', 'ping', 'background'];
const SCRIPT_OR_DOCUMENT_URL = /^(javascript|vbscript|data):(?!image\/(png|jpe?g|gif|webp|avif);)/i;

/** What a browser would build from the HTML: every element that could run script or load a document, as a list of findings. */
function dangers(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (FORBIDDEN_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
    // GFM task lists need inputs; only inert, disabled checkboxes may survive.
    if (node.tagName === 'input' && !(node.properties.type === 'checkbox' && node.properties.disabled === true)) found.push('<input>');
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name) || name === 'style' || name === 'srcDoc') found.push(`${node.tagName}[${name}]`);
      // As a browser reads a URL: without the C0 controls and spaces around it, nor tabs and newlines in it.
      const url = String(value).replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
      if (URL_ATTRIBUTES.includes(name) && SCRIPT_OR_DOCUMENT_URL.test(url)) found.push(`${node.tagName}[${name}=${String(value)}]`);
      // Each srcset candidate is a URL of its own; a comma inside a data: URL does not end it.
      if (name === 'srcSet' && String(value).replace(/[\t\n\r]/g, '').split(/[\s,]+/).some((part) => SCRIPT_OR_DOCUMENT_URL.test(part))) {
        found.push(`${node.tagName}[srcset=${String(value)}]`);
      }
    }
  });
  return found;
}

describe('rehypeSanitizeContent', () => {
  it.each(XSS_CORPUS)('neutralises %s', async (payload) => {
    const html = await render(`Before.\n\n${payload}\n\nAfter.`);
    expect(dangers(html)).toEqual([]);
    expect(html).toContain('After.');
    expect(html).not.toContain('alert(1)</');
  });

  it('neutralises inline raw HTML inside a paragraph too', async () => {
    const html = await render('Text <img src=x onerror=alert(1)> and <a href="javascript:void(0)">link</a> here.');
    expect(dangers(html)).toEqual([]);
    expect(html).toContain('<img src="x">');
  });

  it('keeps the HTML authors legitimately write', async () => {
    const html = await render(
      [
        '<details><summary>More</summary>Hidden text</details>',
        '',
        'Press <kbd>Ctrl</kbd>+<kbd>K</kbd>, <mark>note</mark>, H<sub>2</sub>O, x<sup>2</sup>.',
        '',
        '<table><tr><td colspan="2">cell</td></tr></table>',
        '',
        '<img src="https://example.org/a.png" alt="a" width="40"> <a href="https://example.org" title="t">site</a> <a href="mailto:a@example.org">mail</a>',
      ].join('\n'),
    );
    expect(html).toContain('<details><summary>More</summary>Hidden text</details>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<mark>note</mark>');
    expect(html).toContain('H<sub>2</sub>O');
    expect(html).toContain('<td colspan="2">cell</td>');
    expect(html).toContain('<img src="https://example.org/a.png" alt="a" width="40">');
    expect(html).toContain('<a href="https://example.org" title="t">site</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
  });

  it('keeps raster data: images, which cannot run script', async () => {
    const html = await render('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('keeps iframes from allowlisted hosts, sandboxed, and drops all others', async () => {
    const html = await render('<iframe src="https://www.youtube-nocookie.com/embed/abc" onload="x()"></iframe>\n\n<iframe src="http://www.youtube-nocookie.com/embed/plain-http"></iframe>');
    expect(html).toMatch(/<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/abc"[^>]* sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"/);
    expect(html).not.toContain('onload');
    expect(html).not.toContain('plain-http');
    expect(await render('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>', [])).not.toContain('<iframe');
  });

  it('prefixes author ids so they cannot clobber globals, while footnotes and heading anchors still link up', async () => {
    const html = await render('<p id="location">x</p>\n\nA note[^1].\n\n## Heading\n\n[^1]: The note.');
    expect(html).toContain('<p id="user-content-location">');
    const refHref = /href="#(user-content-fn-1)"/.exec(html)?.[1];
    expect(refHref).toBe('user-content-fn-1');
    expect(html).toContain(`id="${refHref}"`);
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('<h2 id="heading">Heading<a class="heading-anchor" href="#heading"');
  });
});

describe('rehypeSanitizeContent with srcset and embeds', () => {
  it('keeps the dark-mode <picture> forges render, checking each srcset candidate like a src', async () => {
    const html = await render(
      '<picture><source media="(prefers-color-scheme: dark)" srcset="images/dark.png 1x, https://example.org/dark@2x.png 2x, data:image/png;base64,iVBORw0KGgo= 3x, data:image/svg+xml,<svg/> 4x"><img src="images/light.png" alt="logo"></picture>',
    );
    expect(html).toContain('<source media="(prefers-color-scheme: dark)" srcset="images/dark.png 1x, https://example.org/dark@2x.png 2x, data:image/png;base64,iVBORw0KGgo= 3x">');
    expect(html).toContain('<img src="images/light.png" alt="logo">');
  });

  it("limits an allowlisted iframe's permissions to a safe list, keeping allowfullscreen", async () => {
    const html = await render(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" allow="camera *; microphone; geolocation; display-capture; usb; payment; fullscreen; autoplay \'self\' https://evil.example; picture-in-picture" allowfullscreen></iframe>\n\n<iframe src="https://www.youtube-nocookie.com/embed/def" allow="camera; microphone"></iframe>',
    );
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc" allow="fullscreen; autoplay; picture-in-picture" allowfullscreen sandbox=');
    expect(html).toMatch(/<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/def" sandbox=/);
    expect(html).not.toMatch(/camera|microphone|geolocation|display-capture|usb|payment|evil/);
  });
});
