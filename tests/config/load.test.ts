import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/lib/config/load-fs.ts';
import { WikiContentError } from '../../src/lib/problems.ts';
import { writeFixture } from '../helpers/build-site.ts';

const roots: string[] = [];
const fixture = (files: Record<string, string>) => {
  const root = writeFixture(files, 'wiki-config-');
  roots.push(root);
  return root;
};
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('wiki.config.yml', () => {
  it('defaults every field when the file is absent', () => {
    const root = fixture({});
    const { config, contentDir } = loadConfig(root);
    // No title: the site view takes the front page's heading, else "Community wiki" (site-view/front-page.ts).
    expect(config.title).toBeUndefined();
    expect(config).toMatchObject({ base: '/', content: 'content', language: 'en', defaultCommunity: { slug: 'general', name: 'General' } });
    // .mdx runs code on the build machine: no community may have it until the config lists it.
    expect(config.security).toEqual({ iframeHosts: [], mdx: [] });
    expect(contentDir).toBe(path.join(root, 'content'));
  });

  it('warns on broken links unless the config says error, and rejects any other value with its line', () => {
    expect(loadConfig(fixture({})).config.brokenLinks).toBe('warning');
    expect(loadConfig(fixture({ 'wiki.config.yml': 'title: T\n' })).config.brokenLinks).toBe('warning');
    expect(loadConfig(fixture({ 'wiki.config.yml': 'brokenLinks: error\n' })).config.brokenLinks).toBe('error');
    expect(loadConfig(path.resolve(import.meta.dirname, '../..')).config.brokenLinks).toBe('error');
    const bad = (() => {
      try {
        loadConfig(fixture({ 'wiki.config.yml': 'title: T\nbrokenLinks: ignore\n' }));
      } catch (error) {
        return error;
      }
    })();
    expect(bad).toBeInstanceOf(WikiContentError);
    expect((bad as WikiContentError).problems[0]).toMatchObject({ file: 'wiki.config.yml', line: 2, severity: 'error' });
  });

  it('reads fields and normalises the base path', () => {
    const root = fixture({ 'wiki.config.yml': 'title: Ops KB\nbase: /kb\ncontent: docs/wiki\nrepository:\n  url: https://github.com/acme/kb\n' });
    const { config, contentDir } = loadConfig(root);
    expect(config).toMatchObject({ title: 'Ops KB', base: '/kb/', repository: { url: 'https://github.com/acme/kb', branch: 'main' } });
    expect(contentDir).toBe(path.join(root, 'docs/wiki'));
  });

  it('reports wrong fields with their lines, and unknown fields', () => {
    const root = fixture({ 'wiki.config.yml': 'title: Ops\nbase: kb/\nsecurity:\n  iframeHosts: ["https://x"]\ncolour: blue\n' });
    try {
      loadConfig(root);
      expect.unreachable('an invalid config must not load');
    } catch (error) {
      expect(error).toBeInstanceOf(WikiContentError);
      const found = (error as WikiContentError).problems.map((p) => `${p.file}:${p.line} ${p.message}`);
      expect(found).toContainEqual(expect.stringMatching(/^wiki.config.yml:2 base: must start with "\/"/));
      expect(found).toContainEqual(expect.stringMatching(/^wiki.config.yml:4 security.iframeHosts.0: must be a host name/));
      expect(found).toContainEqual(expect.stringMatching(/^wiki.config.yml:1 .*colour/));
    }
  });

  it('takes a site URL over http(s) only, and a repository URL over http(s) or ssh://', () => {
    const good = fixture({ 'wiki.config.yml': 'site: https://wiki.example.org\nrepository:\n  url: ssh://git@git.example.org:2222/acme/kb.git\n  forge: gitlab\n' });
    expect(loadConfig(good).config).toMatchObject({ site: 'https://wiki.example.org', repository: { url: 'ssh://git@git.example.org:2222/acme/kb.git' } });
    const bad = fixture({ 'wiki.config.yml': 'title: Ops\nsite: "javascript:alert(1)//https://wiki.example.org"\nrepository:\n  url: "JaVaScRiPt:alert(document.domain)//https://github.com/acme/kb"\n' });
    try {
      loadConfig(bad);
      expect.unreachable('a javascript: URL in the config must not load');
    } catch (error) {
      expect(error).toBeInstanceOf(WikiContentError);
      const found = (error as WikiContentError).problems.map((p) => `${p.file}:${p.line} ${p.message}`);
      expect(found).toEqual([
        'wiki.config.yml:2 site: must be an http or https URL, e.g. https://wiki.example.org',
        'wiki.config.yml:4 repository.url: must be an https, http or ssh:// URL of the repository',
      ]);
    }
  });

  it('reports YAML that does not parse', () => {
    const root = fixture({ 'wiki.config.yml': 'title: [Ops\n' });
    expect(() => loadConfig(root)).toThrow(/wiki.config.yml:\d+(:\d+)?: error: invalid YAML/);
  });
});
