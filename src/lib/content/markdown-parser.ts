// Runs anywhere: the one remark parser set-up every reader of page text shares (CommonMark, GFM, and MDX syntax for .mdx pages).
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { PageFormat } from './page-rule.ts';

/** A fresh processor with the page syntax of `format`, for readers that add a plugin of their own (limits.ts). */
export function markdownProcessor(format: PageFormat) {
  const parser = unified().use(remarkParse);
  return (format === 'mdx' ? parser.use(remarkMdx) : parser).use(remarkGfm);
}

const parsers = { md: markdownProcessor('md').freeze(), mdx: markdownProcessor('mdx').freeze() };

/** The syntax tree of a page body; throws what remark throws (outline.ts turns it into a problem). */
export const parseMarkdown = (text: string, format: PageFormat): Root => parsers[format].parse(text);
