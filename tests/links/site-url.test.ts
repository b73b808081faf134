// Links written as URLs of the site another generator built (18F/guides' `../landmarks/`, govuk-developer-docs'
// `/manual/rollback.html`): read in the wiki's URL space when they name no file.
import { describe, expect, it } from 'vitest';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

const files = {
  'accessibility/index.md': '# Accessibility\n',
  'accessibility/landmarks.md': '# Landmarks\n\n## Main\n',
  'accessibility/Page Titles.md': '# Page titles\n',
  'engineering/tools/docker.md': '# Docker\n',
  'manual/rollback.html.md': '# Rollback\n',
  'accessibility/alttext.md': '---\npermalink: /accessibility/alternative-text/\n---\n# Alternative text\n',
  'contact-the-team.html.md': '# Contact\n',
};

const linksOf = (source: string, from = 'accessibility/headings.md') => {
  // guide/about.md had the site's root as its URL there.
  const model = modelOf({ ...files, [from]: from === 'guide/about.md' ? `---\npermalink: /\n---\n${source}` : source });
  return { errors: errorsIn(model), links: page(model, from.replace(/(\.html)?\.md$/, '')).links.map((l) => l.to) };
};

describe('a link that names no file, read as a site URL', () => {
  it('is relative to the linking page\'s own URL, a folder', () => {
    const { errors, links } = linksOf('[a](../landmarks/) [b](../landmarks/#main) [c](../page-titles) [d](../../engineering/tools/docker/)');
    expect(errors).toEqual([]);
    expect(links).toEqual(['accessibility/landmarks', 'accessibility/landmarks', 'accessibility/page-titles', 'engineering/tools/docker']);
  });

  it('from the site root, with or without the target extension', () => {
    const { errors, links } = linksOf('[a](/manual/rollback.html) [b](/accessibility/landmarks/) [c](/accessibility/)', 'engineering/tools/setup.md');
    expect(errors).toEqual([]);
    expect(links).toEqual(['manual/rollback', 'accessibility/landmarks', 'accessibility']);
  });

  it('from the site root, which is the content folder, to a file there', () => {
    const { errors, links } = linksOf('[a](/contact-the-team.html) [b](/manual/rollback.html.md)', 'engineering/tools/setup.md');
    expect(errors).toEqual([]);
    expect(links).toEqual(['general/contact-the-team', 'manual/rollback']);
  });

  it('to the permalink another generator gave a page', () => {
    const { errors, links } = linksOf('[a](/accessibility/alternative-text/) [b](../alternative-text/)');
    expect(errors).toEqual([]);
    expect(links).toEqual(['accessibility/alttext', 'accessibility/alttext']);
  });

  it('relative to the permalink the linking page had', () => {
    const { errors, links } = linksOf("[a]({{ './accessibility/landmarks/' | url }}) [b](./accessibility/landmarks/)", 'guide/about.md');
    expect(errors).toEqual([]);
    expect(links).toEqual(['accessibility/landmarks', 'accessibility/landmarks']);
  });

  it('written as an Eleventy or Jekyll URL tag, every column after it kept', () => {
    const model = modelOf({
      ...files,
      'accessibility/headings.md': `[a]({{ "/accessibility/alternative-text/" | url }}) [b]({{ '/manual/rollback.html' | relative_url }}) [c]({{ site.baseurl }}/accessibility/landmarks/) [d](nothing.md)\n`,
    });
    expect(page(model, 'accessibility/headings').links.map((l) => l.to)).toEqual(['accessibility/alttext', 'manual/rollback', 'accessibility/landmarks']);
    expect(model.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:152 broken link to "nothing.md": no such page file']);
  });

  it('stays broken when no page has that URL either, and leaves other root-relative links alone', () => {
    const model = modelOf({ ...files, 'accessibility/headings.md': '[a](../nothing/)\n\n[b](/images/diagram.png)\n' });
    expect(errorsIn(model).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:1 broken link to "../nothing/": no such file in the content folder']);
  });
});
