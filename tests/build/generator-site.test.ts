// Builds a wiki shaped like govuk-developer-docs (Middleman: .html.md pages, ERB templates, root-relative .html
// links) and 18F/guides (Eleventy: pretty-URL links, Liquid tags), with a few lines of content per class.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

describe('a site written for another generator', () => {
  let site: BuiltSite;
  beforeAll(() => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Generators\n',
      'content/manual/rollback.html.md': '# Rollback\n\n## Before you start\n',
      'content/manual/deploy.html.md': [
        '# Deploy',
        '',
        'Read [rollback](rollback.html), [its start](/manual/rollback.html#before-you-start) and the [headings](/accessibility/headings/).',
        '',
        'The layout renders <%= render "banner" %> here.',
        '',
      ].join('\n'),
      'content/manual/apps.html.md.erb': '# Apps\n\n<%= apps.each { |a| a.name } %>\n',
      'content/accessibility/headings.md': '# Headings\n\nAlso see [Landmarks](../landmarks/), [again]({{ \'/accessibility/landmarks/\' | url }}).\n\n{% include "footer.html" %}\n',
      'content/accessibility/landmarks.md': '# Landmarks\n',
    });
    site = buildSite(root);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('publishes foo.html.md at foo/, and links to foo.html there', () => {
    expect(site.exists('/manual/rollback/')).toBe(true);
    expect(site.exists('/manual/rollbackhtml/')).toBe(false);
    const deploy = site.html('/manual/deploy/');
    expect(deploy).toContain('href="/manual/rollback/"');
    expect(deploy).toContain('href="/manual/rollback/#before-you-start"');
    expect(deploy).toContain('href="/accessibility/headings/"');
    const headings = site.html('/accessibility/headings/');
    expect(headings).toMatch(/href="\/accessibility\/landmarks\/"[^>]*>Landmarks<\/a>/);
    expect(headings).toMatch(/href="\/accessibility\/landmarks\/"[^>]*>again<\/a>/);
  });

  it('never runs or publishes an ERB template, and says so', () => {
    expect(site.exists('/manual/apps/')).toBe(false);
    expect(site.exists('/manual/appshtmlmd/')).toBe(false);
    // Listed once, at the end of the build, under its reason.
    expect(site.output).toMatch(/1 an ERB template \(\.erb\) is Ruby code that Middleman or Rails runs to make a page[^\n]*: content\/manual\/apps\.html\.md\.erb/);
  });

  it('shows template tags in a page as code, with one warning for the page', () => {
    expect(site.html('/manual/deploy/')).toMatch(/<code>(&#x3C;|&lt;)%= render "banner" %(>|&gt;)<\/code>/);
    expect(site.html('/accessibility/headings/')).toContain('<code>{% include "footer.html" %}</code>');
    expect(site.output.match(/content\/manual\/deploy\.html\.md:5:\d+: warning: a template tag/g)).toHaveLength(1);
  });
});
