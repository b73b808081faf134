import { describe, expect, it } from 'vitest';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

describe('communities', () => {
  it('read community.yml, and name a folder without one from its home page or folder name', () => {
    const model = modelOf({
      'ops/community.yml': 'name: Platform Ops\ndescription: Running things\nstewards:\n  - name: Ada Lovelace\n    email: ada@example.org\n    github: "@ada"\n',
      'ops/deploy.md': '# Deploy\n',
      'user-research/README.md': '# User Research\nWelcome.',
      'user-research/Interview notes.md': 'Notes',
      'data-science/notes.md': 'x',
    });
    expect(errorsIn(model)).toEqual([]);
    const bySlug = Object.fromEntries(model.communities.map((c) => [c.slug, c]));
    expect(bySlug.ops).toMatchObject({ name: 'Platform Ops', description: 'Running things', stewards: [{ name: 'Ada Lovelace', email: 'ada@example.org', github: 'ada' }] });
    expect(bySlug['user-research']).toMatchObject({ name: 'User Research', homeId: 'user-research' });
    expect(bySlug['data-science']!.name).toBe('Data science');
    expect(bySlug['user-research']!.pageIds).toEqual(['user-research', 'user-research/interview-notes']);
  });

  it('report an invalid community.yml with the field and its line', () => {
    const model = modelOf({ 'ops/community.yml': 'name: Ops\nstewards:\n  - email: not-an-email\n', 'ops/a.md': 'x' });
    const messages = errorsIn(model).map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^content\/ops\/community.yml:3 stewards\.0\.(name|email)/));
  });

  it('refuse community.yml links a browser would not follow as http, https or mailto, each at its line', () => {
    const model = modelOf({
      'ops/community.yml': [
        'name: Ops',
        'links:',
        '  - label: Chat',
        '    url: https://chat.example.org/ops',
        '  - label: Docs',
        '    url: "javascript:alert(document.domain)//https://docs.example.org"',
        '  - label: Tabbed',
        '    url: "java\\tscript:alert(1)"',
        '  - label: Data',
        '    url: "data:text/html,<script>alert(1)</script>"',
        '  - label: Mail',
        '    url: MAILTO:ops@example.org',
        '',
      ].join('\n'),
      'ops/a.md': 'x',
    });
    expect(errorsIn(model).map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'content/ops/community.yml:6 links.1.url: must be an http, https or mailto URL (https://…)',
      'content/ops/community.yml:8 links.2.url: must be an http, https or mailto URL (https://…)',
      'content/ops/community.yml:10 links.3.url: must be an http, https or mailto URL (https://…)',
    ]);
  });

  it('keep community.yml links as the browser will follow them', () => {
    const model = modelOf({ 'ops/community.yml': 'links:\n  - label: Chat\n    url: " HTTPS://Chat.Example.org"\n  - label: Mail\n    url: mailto:ops@example.org\n', 'ops/a.md': 'x' });
    expect(errorsIn(model)).toEqual([]);
    expect(model.communities.find((c) => c.slug === 'ops')?.links).toEqual([
      { label: 'Chat', url: 'https://chat.example.org/' },
      { label: 'Mail', url: 'mailto:ops@example.org' },
    ]);
  });

  it('put files at the content root into the default community', () => {
    const model = modelOf({ 'welcome.md': '# Welcome', 'README.md': '# Start here' });
    expect(model.communities.map((c) => [c.slug, c.name, c.homeId])).toEqual([['general', 'General', 'general']]);
    expect(page(model, 'general/welcome').community).toBe('general');
  });

  it('refuse a community folder that would take a site route', () => {
    const model = modelOf({ 'tags/a.md': 'x' });
    expect(errorsIn(model)[0]!.message).toMatch(/\/tags\/ route/);
  });
});

describe('pages', () => {
  it('take the title from front matter, then the first heading, then the file name', () => {
    const model = modelOf({
      'ops/a.md': '---\ntitle: From front matter\n---\n# Heading',
      'ops/b.md': 'Intro\n\n# From heading\n',
      'ops/deploy-checklist.md': 'No heading',
      'ops/Interview notes.md': 'No heading',
    });
    expect(['ops/a', 'ops/b', 'ops/deploy-checklist', 'ops/interview-notes'].map((id) => page(model, id).title)).toEqual([
      'From front matter',
      'From heading',
      'Deploy checklist',
      'Interview notes',
    ]);
  });

  it('collect headings with the slugs the rendered page will have', () => {
    const model = modelOf({ 'ops/a.md': '# T\n## Set up\n## Set up\n### `code` & more\n' });
    expect(page(model, 'ops/a').headings.map((h) => h.slug)).toEqual(['t', 'set-up', 'set-up-1', 'code--more']);
  });

  it('make two files that map to one URL an error naming both', () => {
    const model = modelOf({ 'ops/Deploy.md': 'a', 'ops/deploy.md': 'b', 'ops/runbooks/README.md': 'c', 'ops/runbooks/index.md': 'd' });
    const messages = errorsIn(model).map((p) => p.message);
    expect(messages).toContain('content/ops/Deploy.md and content/ops/deploy.md both map to the URL /ops/deploy/: rename or move one of them');
    expect(messages).toContain('content/ops/runbooks/README.md and content/ops/runbooks/index.md both map to the URL /ops/runbooks/: rename or move one of them');
  });

  it('report every bad file in one run', () => {
    const model = modelOf({
      'ops/a.md': '---\ntitle: [unclosed\n---\n',
      'ops/b.md': '---\nstatus: wip\n---\n',
      'ops/c.md': '[[missing page]]',
      'ops/community.yml': 'stewards: nobody\n',
    });
    expect(errorsIn(model).map((p) => p.file).sort()).toEqual(['content/ops/a.md', 'content/ops/b.md', 'content/ops/c.md', 'content/ops/community.yml']);
  });

  it('report MDX that cannot be parsed at its line, and MDX where config forbids it', () => {
    const broken = modelOf({ 'ops/a.mdx': '# A\n\n<Open>\n\ntext\n' });
    expect(errorsIn(broken)[0]).toMatchObject({ file: 'content/ops/a.mdx' });
    expect(errorsIn(broken)[0]!.message).toMatch(/MDX could not be parsed/);
    const forbidden = modelOf({ 'ops/a.mdx': '# A\n' }, { mdxCommunities: ['other'] });
    expect(errorsIn(forbidden)[0]!.message).toMatch(/not allowed in community "ops"/);
  });

  it('collect tags across communities', () => {
    const model = modelOf({ 'ops/a.md': '---\ntags: [Postgres, backups]\n---\n', 'data/b.md': '---\ntags: postgres\n---\n' });
    expect(model.tags.map((t) => [t.slug, t.pageIds])).toEqual([
      ['backups', ['ops/a']],
      ['postgres', ['data/b', 'ops/a']],
    ]);
  });

  it('keep assets apart from pages and refuse two assets on one URL', () => {
    const model = modelOf({ 'ops/a.md': '![d](img/Diagram.png)', 'ops/img/Diagram.png': '', 'ops/img/diagram.PNG': '' });
    expect(model.assets.map((a) => a.id)).toEqual(['ops/img/diagram.png']);
    expect(errorsIn(model)[0]!.message).toMatch(/both map to the URL \/ops\/img\/diagram.png/);
  });
});
