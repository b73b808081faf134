// Tests that every file name gets a page of its own in the model, and that links by name, path and wikilink land on it.
import { describe, expect, it } from 'vitest';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

describe('file names in the model', () => {
  it('give names of punctuation alone a page instead of an error', () => {
    const model = modelOf({ 'ops/!.md': '# Bang', 'ops/[[.md': '# Brackets', 'ops/$.md': '# Dollar', 'ops/..md': '# Dots', '+++/a.md': '# A' });
    expect(errorsIn(model)).toEqual([]);
    expect(model.pages.map((p) => p.id)).toEqual(['ops/dollar', 'ops/dot', 'ops/exclamation', 'ops/left-bracket-left-bracket', 'plus-plus-plus/a']);
    expect(model.communities.map((c) => c.slug).sort()).toEqual(['ops', 'plus-plus-plus']);
  });

  it('keep clang++ and clang apart, and land links by path and by wikilink on each', () => {
    const model = modelOf({
      'tools/clang++.md': '# Clang++',
      'tools/clang.md': '# Clang',
      'tools/links.md': '[a](clang++.md) [b](clang.md) [c](./%21.md) [[clang++]] [[clang]] [[tools/clang++]] [[!]]',
      'tools/!.md': '# Bang',
      'other/far.md': '[[clang++]] [x](../tools/clang++.md)',
    });
    expect(errorsIn(model)).toEqual([]);
    expect(page(model, 'tools/clang-plus-plus').title).toBe('Clang++');
    expect(page(model, 'tools/clang').title).toBe('Clang');
    expect(page(model, 'tools/links').links.map((l) => l.to)).toEqual([
      'tools/clang-plus-plus',
      'tools/clang',
      'tools/exclamation',
      'tools/clang-plus-plus',
      'tools/clang',
      'tools/clang-plus-plus',
      'tools/exclamation',
    ]);
    expect(page(model, 'other/far').links.map((l) => l.to)).toEqual(['tools/clang-plus-plus', 'tools/clang-plus-plus']);
  });

  it('keep two folders apart that GitHub slugs alike, as communities too', () => {
    const model = modelOf({ 'C++/README.md': '# C++', 'C/README.md': '# C', 'C/a.md': '[[C++/README]]' });
    expect(errorsIn(model)).toEqual([]);
    expect(model.communities.map((c) => c.slug).sort()).toEqual(['c', 'c-plus-plus']);
    expect(page(model, 'c/a').links.map((l) => l.to)).toEqual(['c-plus-plus']);
  });

  it('give root pages another community slug when a general/ folder has pages of its own', () => {
    const model = modelOf({ 'README.md': '# Home', 'welcome.md': '# Welcome', 'general/README.md': '# General', 'general/x.md': '[up](../welcome.md)' });
    expect(errorsIn(model)).toEqual([]);
    expect(model.pages.map((p) => p.id)).toEqual(['general', 'general-1', 'general-1/welcome', 'general/x']);
    expect(model.communities.map((c) => c.slug).sort()).toEqual(['general', 'general-1']);
    expect(page(model, 'general/x').links.map((l) => l.to)).toEqual(['general-1/welcome']);
  });

  it('still report two names that differ only in case, naming both files', () => {
    const model = modelOf({ 'ops/Ops.md': 'a', 'ops/ops.md': 'b' });
    expect(errorsIn(model).map((p) => p.message)).toEqual(['content/ops/Ops.md and content/ops/ops.md both map to the URL /ops/ops/: rename or move one of them']);
  });
});
