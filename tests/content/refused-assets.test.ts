// The model leaves out the assets the safety check refused, lists each with its reason, and makes links to them broken with why.
import { describe, expect, it } from 'vitest';
import { toContentPath } from '../../src/lib/content/paths.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';

const REASON = 'SVG contains <foreignObject>, whose HTML can run script when the file is opened directly: remove it';

const model = (brokenLinks: 'error' | 'warning') => buildSiteModel({
  pages: [
    { path: toContentPath('ops/pods.md'), source: '# Pods\n\n![lifecycle](img/Pod-Lifecycle.svg)\n\n<img src="img/pod-lifecycle.svg" alt="x">\n\n![ok](img/ok.svg)\n' },
    { path: toContentPath('ops/other.md'), source: '# Other\n\n[[pods]]\n' },
  ],
  communityFiles: [],
  assets: [{ path: toContentPath('ops/img/pod-lifecycle.svg') }, { path: toContentPath('ops/img/ok.svg') }],
  refusedAssets: [{ path: toContentPath('ops/img/pod-lifecycle.svg'), reason: REASON }],
  fileLabel: (p) => `content/${p}`,
  defaultCommunity: { slug: 'general', name: 'General' },
  language: 'en',
  mdxCommunities: [],
  brokenLinks,
});

describe('assets refused by the safety check', () => {
  it('are not published, and are listed as not published with the check\'s reason', () => {
    const m = model('warning');
    expect(m.assets.map((a) => a.path)).toEqual(['ops/img/ok.svg']);
    expect(m.unpublished).toContainEqual({ path: 'ops/img/pod-lifecycle.svg', file: 'content/ops/img/pod-lifecycle.svg', reason: REASON, severity: 'warning', refused: true });
    expect(m.pages.map((p) => p.id)).toEqual(['ops/other', 'ops/pods']);
  });

  it('turn every link to them, in any case and in raw HTML, into a broken link saying the file is not published and why', () => {
    for (const severity of ['warning', 'error'] as const) {
      const broken = model(severity).brokenLinks;
      expect(broken.map((p) => [p.file, p.line, p.severity, p.message])).toEqual([
        ['content/ops/pods.md', 3, severity, `broken link to "img/Pod-Lifecycle.svg": Pod-Lifecycle.svg is not published: ${REASON}`],
        ['content/ops/pods.md', 5, severity, `broken link to "img/pod-lifecycle.svg": pod-lifecycle.svg is not published: ${REASON}`],
      ]);
    }
  });
});
