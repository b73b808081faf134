import { describe, expect, it } from 'vitest';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

describe('page titles', () => {
  it('come from the first level-1 heading that is a block of the page, never one in a list, blockquote or HTML', () => {
    const model = modelOf({
      'ops/in-list.md': '- # Not a title\n\nText.\n',
      'ops/in-quote.md': '> # Quoted\n\n# Real title\n',
      'ops/in-html.md': '<div>\n# Hidden\n</div>\n\nText.\n',
      'ops/later.md': 'Intro paragraph.\n\n## Section\n\n# Later title\n',
    });
    expect(errorsIn(model)).toEqual([]);
    expect(page(model, 'ops/in-list').title).toBe('In list');
    expect(page(model, 'ops/in-quote').title).toBe('Real title');
    expect(page(model, 'ops/later').title).toBe('Later title');
    expect(page(model, 'ops/in-html').title).toBe('In html');
  });

  it('never come from an image alt text: an image-only heading is passed over', () => {
    const model = modelOf({
      'ops/logo.md': '# ![Company logo](logo.png)\n\nText.\n',
      'ops/logo-then-title.md': '# ![Company logo](logo.png)\n\n# Runbook\n',
      'ops/logo-and-words.md': '# ![Logo](logo.png) Deploy guide\n',
      'ops/logo.png': '',
    });
    expect(page(model, 'ops/logo').title).toBe('Logo');
    expect(page(model, 'ops/logo').untitled).toBe(true);
    expect(page(model, 'ops/logo-then-title').title).toBe('Runbook');
    expect(page(model, 'ops/logo-and-words').title).toBe('Deploy guide');
  });

  it('do not come from a leading level-2 heading: the file name reads better', () => {
    const model = modelOf({ 'ops/deploy-checklist.md': '## Overview\n\nSteps.\n' });
    expect(page(model, 'ops/deploy-checklist').title).toBe('Deploy checklist');
  });

  it('front matter still wins', () => {
    const model = modelOf({ 'ops/a.md': '---\ntitle: Chosen\n---\n# Heading\n' });
    expect(page(model, 'ops/a').title).toBe('Chosen');
    expect(page(model, 'ops/a').untitled).toBeUndefined();
  });
});

describe('community names', () => {
  it('come from the level-1 heading that opens the home page, never a later sub-heading', () => {
    const model = modelOf({
      'sig-docs/README.md': 'Welcome to the docs group.\n\n## Goals of these documents\n\nText.\n',
      'sig-docs/a.md': 'x',
      'sig-node/README.md': '<!-- maintained by the SIG -->\n# SIG Node\n\n## Goals\n',
      'sig-node/a.md': 'x',
      'sig-apps/README.md': 'Intro.\n\n# Apps, further down\n',
      'sig-apps/a.md': 'x',
    });
    const byslug = Object.fromEntries(model.communities.map((c) => [c.slug, c.name]));
    expect(byslug).toMatchObject({ 'sig-docs': 'Sig docs', 'sig-node': 'SIG Node', 'sig-apps': 'Sig apps' });
  });
});

describe('titles repeated within one community', () => {
  it('are told apart in lists by their folder', () => {
    const model = modelOf({
      'k8s/sig-node/meeting-notes.md': '# SIG Node Meeting Notes\n',
      'k8s/sig-node-archive/meeting-notes.md': '# SIG Node Meeting Notes\n',
      'k8s/wg/README.md': '# SIG Node meeting notes\n',
      'k8s/unique.md': '# Unique\n',
      'other/notes.md': '# SIG Node Meeting Notes\n',
      'k8s/same/a.md': '# Notes\n',
      'k8s/same/b.md': '# Notes\n',
    });
    expect(page(model, 'k8s/sig-node/meeting-notes').listTitle).toBe('SIG Node Meeting Notes (sig-node)');
    expect(page(model, 'k8s/sig-node-archive/meeting-notes').listTitle).toBe('SIG Node Meeting Notes (sig-node-archive)');
    expect(page(model, 'k8s/wg').listTitle).toBe('SIG Node meeting notes (wg)');
    expect(page(model, 'k8s/unique').listTitle).toBe('Unique');
    expect(page(model, 'other/notes').listTitle).toBe('SIG Node Meeting Notes');
    expect(page(model, 'k8s/same/a').listTitle).toBe('Notes (same/a)');
    expect(page(model, 'k8s/same/b').listTitle).toBe('Notes (same/b)');
  });
});
