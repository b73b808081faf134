import { describe, expect, it } from 'vitest';
import { assetIdFor, pageHref, pageIdFor, resolveRelativePath, toContentPath } from '../../src/lib/content/paths.ts';
import { urlNamesFor } from '../../src/lib/content/url-names.ts';

const alone = urlNamesFor({ pages: [], assets: [] }, 'general');
const id = (p: string) => ({ id: pageIdFor(toContentPath(p), alone) });

describe('page ids', () => {
  it('slug every folder and the file name by GitHub rules', () => {
    expect(id('Platform Engineering/Postgres/Index Tuning.md')).toEqual({ id: 'platform-engineering/postgres/index-tuning' });
    expect(id('ops/runbooks/deploy_checklist.mdx')).toEqual({ id: 'ops/runbooks/deploy_checklist' });
  });
  it('let README and index stand for their folder', () => {
    expect(id('ops/README.md')).toEqual({ id: 'ops' });
    expect(id('ops/runbooks/index.md')).toEqual({ id: 'ops/runbooks' });
    expect(id('ops/Readme.MD')).toEqual({ id: 'ops' });
  });
  it('put root files in the default community', () => {
    expect(id('welcome.md')).toEqual({ id: 'general/welcome' });
    expect(id('README.md')).toEqual({ id: 'general' });
  });
  it('keep unicode letters and treat NFD and NFC spellings alike', () => {
    const nfc = id('recherche/Café.md');
    const nfd = id('recherche/Cafe\u0301.md');
    expect(nfc).toEqual({ id: 'recherche/café' });
    expect(nfd).toEqual(nfc);
  });
  it('spell out a name made only of punctuation instead of giving an empty id', () => {
    expect(id('ops/!!!.md')).toEqual({ id: 'ops/exclamation-exclamation-exclamation' });
    expect(id('+++/$.md')).toEqual({ id: 'plus-plus-plus/dollar' });
  });
});

describe('asset ids and hrefs', () => {
  it('slug folders and file name, keeping the extension', () => {
    expect(assetIdFor(toContentPath('Platform Engineering/images/Network Diagram.PNG'), alone)).toBe('platform-engineering/images/network-diagram.png');
    expect(assetIdFor(toContentPath('ops/!.png'), alone)).toBe('ops/exclamation.png');
  });
  it('put the base path in front of page URLs', () => {
    expect(pageHref('/wiki', 'ops/deploy')).toBe('/wiki/ops/deploy/');
    expect(pageHref('/', '')).toBe('/');
  });
});

describe('relative paths', () => {
  it('resolve against the linking file folder and refuse to climb out', () => {
    expect(resolveRelativePath(toContentPath('ops/runbooks/a.md'), '../b.md')).toBe('ops/b.md');
    expect(resolveRelativePath(toContentPath('ops/a.md'), './x/../y.md')).toBe('ops/y.md');
    expect(resolveRelativePath(toContentPath('ops/a.md'), '../../b.md')).toBeUndefined();
  });
});
