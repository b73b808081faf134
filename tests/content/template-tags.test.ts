// Other generators' template tags in a plain .md page (govuk-developer-docs' ERB, 18F/guides' Liquid):
// one warning per page at the first tag outside code, never for tags inside code.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { remarkTemplateTags } from '../../src/lib/markdown/remark-template-tags.ts';
import { modelOf } from '../helpers/model.ts';

const warningsOf = (files: Record<string, string>) =>
  modelOf(files)
    .problems.filter((p) => /template tag/.test(p.message))
    .map((p) => `${p.file}:${p.line}:${p.column} ${p.severity}: ${p.message}`)
    .sort();

describe('template tags in a Markdown page', () => {
  it('warn once per page, at the first tag outside code', () => {
    const warnings = warningsOf({
      'manual/erb.html.md': '# ERB\n\nThe layout says <%= render "banner" %> here\nand <% if x %> there.\n\n<div><%= yield %></div>\n',
      'guides/liquid.md': '---\ntitle: Liquid\n---\nSee the [worksheet]({{ "/resources/worksheet/" | url }}).\n\n{% include "footer.html" %}\n',
    });
    expect(warnings).toEqual([
      // The link's URL tag is read as the path it names (tests/links/site-url.test.ts), so it is no tag left.
      'content/guides/liquid.md:6:1 warning: a template tag of another generator (first "{% include \\"footer.html\\" %}"): ERB, Liquid and Nunjucks tags are code the wiki never runs; they are shown as written, as code',
      'content/manual/erb.html.md:3:17 warning: 3 template tags of another generator (first "<%= render \\"banner\\" %>"): ERB, Liquid and Nunjucks tags are code the wiki never runs; they are shown as written, as code',
    ]);
  });

  it('say nothing about tags inside code spans and code blocks', () => {
    expect(warningsOf({ 'manual/components.html.md': '# Components\n\nUse `<%= render "x" %>` or:\n\n```erb\n<%= render "x" %>\n{{ page.title }}\n```\n\n    {% include x %}\n' })).toEqual([]);
  });

  it('render as code, their quotes as written', async () => {
    const processor = await createMarkdownProcessor({ smartypants: false, remarkPlugins: [remarkTemplateTags] });
    const { code } = await processor.render('Text <%= render "banner" %> and {{ \'/x/\' | url }}.\n');
    expect(code).toContain('<code>&#x3C;%= render "banner" %></code>');
    expect(code).toContain("<code>{{ '/x/' | url }}</code>");
  });
});
