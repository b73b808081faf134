import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { remarkQueryImages } from '../../src/lib/markdown/remark-query-images.ts';
import { errorsIn, modelOf } from '../helpers/model.ts';

const PNG_NAME = 'ops/a.png';

describe('image URLs the bundler would read as instructions', () => {
  it('are problems at the image, in the model that check and build share', () => {
    const model = modelOf({
      'ops/page.md': '# Page\n\n![x](?/a.png) and ![y](?raw)\n\n![z][ref] ![w](./?inline)\n\n[ref]: ?url\n',
      [PNG_NAME]: '',
    });
    const errors = errorsIn(model);
    expect(errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.message.split(':')[0]}`)).toEqual([
      'content/ops/page.md:3:1 image "?/a.png"',
      'content/ops/page.md:3:19 image "?raw"',
      'content/ops/page.md:5:11 image "./?inline"',
      'content/ops/page.md:7:1 image "?url"',
    ]);
    for (const p of errors) expect(p.message).toMatch(/an image path that starts with "\?" cannot be published/);
  });

  it('reports a URL Astro cannot decode, and leaves ordinary images and query links alone', () => {
    const model = modelOf({
      'ops/page.md': '# Page\n\n![bad](https://example.com/%E0%A4%A)\n\n![ok](a.png?v=2) [same page](?tab=2) ![remote](https://example.com/a.png?raw)\n',
      [PNG_NAME]: '',
    });
    expect(errorsIn(model)).toEqual([expect.objectContaining({ line: 3, column: 1, message: expect.stringMatching(/"%" that does not start a valid escape/) })]);
  });

  it('never reach Vite from the Markdown pipeline', async () => {
    const processor = await createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [remarkQueryImages] });
    const result = await processor.render('![x](?raw) ![y][r] ![ok](./a.png)\n\n[r]: ?url\n', { fileURL: new URL('file:///wiki/content/ops/page.md') } as never);
    expect(result.metadata.localImagePaths).toEqual(['./a.png']);
    expect(result.code).toContain('<span class="image-unpublished" title="Image &#x22;?raw&#x22; is not published">x</span>');
    expect(result.code).not.toContain('?url"');
  });
});
