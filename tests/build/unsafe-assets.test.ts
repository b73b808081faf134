// Builds fixture wikis holding one unsafe diagram (as alphagov/govuk-developer-docs does) and an LFS pointer: the good pages build, the unsafe files are left out and links to them are broken with why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

/** Like draw.io's export of kubernetes-pod-lifecycle.svg: its labels are XHTML inside <foreignObject>. */
const FOREIGN_OBJECT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">\n  <rect width="100" height="40"/><foreignObject width="100" height="40"><div xmlns="http://www.w3.org/1999/xhtml">Pending</div></foreignObject>\n</svg>\n';
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
const SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\n';

function fixture(config: string): string {
  return writeFixture({
    'wiki.config.yml': `title: Unsafe diagram\n${config}`,
    'content/ops/community.yml': 'name: Ops\n',
    'content/ops/README.md': '# Ops home\n\nSee [[pods]] and [[deploys]].\n',
    'content/ops/pods.md': '# Pods\n\nThe lifecycle:\n\n<img src="images/pod-lifecycle.svg" alt="pod lifecycle">\n\nAlso [the diagram](images/pod-lifecycle.svg) and ![a photo](images/photo.png).\n',
    'content/ops/deploys.md': '# Deploys\n\n![flow](images/flow.svg)\n',
    'content/ops/images/pod-lifecycle.svg': FOREIGN_OBJECT_SVG,
    'content/ops/images/photo.png': LFS_POINTER,
    'content/ops/images/flow.svg': SAFE_SVG,
  });
}

const clean = (output: string) => output.replace(/\u001b\[[0-9;]*m/g, '');

describe('a wiki with an SVG holding <foreignObject> and a Git LFS pointer, brokenLinks: warning (the default)', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(fixture(''));
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('builds the good pages', () => {
    expect(site.status, site.output).toBe(0);
    expect(site.html('/ops/')).toContain('href="/ops/pods/"');
    expect(site.html('/ops/deploys/')).toContain('Deploys');
    expect(site.exists('/ops/images/flow.svg')).toBe(true);
    expect(site.html('/ops/pods/')).toContain('The lifecycle');
  });

  it('publishes neither unsafe file', () => {
    expect(existsSync(path.join(site.outDir, 'ops/images/pod-lifecycle.svg'))).toBe(false);
    expect(existsSync(path.join(site.outDir, 'ops/images/photo.png'))).toBe(false);
  });

  it('warns about each unsafe file at its line, with the safety check\'s message', () => {
    const output = clean(site.output);
    expect(output).toMatch(/content\/ops\/images\/pod-lifecycle\.svg:2:\d+: warning: SVG contains <foreignObject>/);
    expect(output).toContain('content/ops/images/photo.png: warning: is a Git LFS pointer');
    expect(output).not.toMatch(/pod-lifecycle\.svg:2:\d+: error/);
  });

  it('makes every link to them a broken link saying the file is not published and why', () => {
    const output = clean(site.output);
    expect(output).toMatch(/content\/ops\/pods\.md:5:\d+: warning: broken link to "images\/pod-lifecycle\.svg": pod-lifecycle\.svg is not published: SVG contains <foreignObject>/);
    expect(output).toMatch(/content\/ops\/pods\.md:7:\d+: warning: broken link to "images\/pod-lifecycle\.svg": pod-lifecycle\.svg is not published: SVG contains <foreignObject>/);
    expect(output).toMatch(/content\/ops\/pods\.md:7:\d+: warning: broken link to "images\/photo\.png": photo\.png is not published: is a Git LFS pointer/);
    expect(output).not.toContain('no such file in the content folder');
    const html = site.html('/ops/pods/');
    expect(html).not.toContain('pod-lifecycle.svg"');
    expect(html).toMatch(/title="Broken link: pod-lifecycle\.svg is not published: SVG contains (<|&#x3C;|&lt;)foreignObject/);
  });

  it('lists both in the closing "not published" list with their reasons', () => {
    const output = clean(site.output);
    expect(output).toMatch(/files? in the content folder not published/);
    expect(output).toMatch(/^.*  1 SVG contains <foreignObject>.*: content\/ops\/images\/pod-lifecycle\.svg$/m);
    expect(output).toMatch(/^.*  1 is a Git LFS pointer.*: content\/ops\/images\/photo\.png$/m);
  });
});

describe('the same wiki with brokenLinks: error (the bundled sample\'s setting)', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(fixture('brokenLinks: error\n'));
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('stops on the links to the unsafe files, naming each at its line, and never publishes them', () => {
    const output = clean(site.output);
    expect(site.status).not.toBe(0);
    expect(output).toMatch(/content\/ops\/pods\.md:5:\d+: error: broken link to "images\/pod-lifecycle\.svg": pod-lifecycle\.svg is not published: SVG contains <foreignObject>/);
    expect(output).toMatch(/content\/ops\/pods\.md:7:\d+: error: broken link to "images\/photo\.png": photo\.png is not published/);
    expect(output).toMatch(/content\/ops\/images\/pod-lifecycle\.svg:2:\d+: warning: SVG contains <foreignObject>/);
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(site.outDir, 'ops/images/pod-lifecycle.svg'))).toBe(false);
  });
});
