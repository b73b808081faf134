// Runs at build time inside Astro's Markdown pipeline: drops a leading "# Title" that repeats the page title.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

export interface TitleHeadingOptions {
  /** The title the layout already shows for this file, if the file is a wiki page. */
  titleForFile: (absolutePath: string) => string | undefined;
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The layout renders the page title as the one <h1>; a body that starts with the same heading would show it twice. */
export function remarkTitleHeading(options: TitleHeadingOptions) {
  return (tree: Root, file: VFile) => {
    const title = file.path ? options.titleForFile(file.path) : undefined;
    const first = tree.children.find((node) => node.type !== 'yaml' && node.type !== 'html' && node.type !== 'mdxjsEsm');
    if (title && first?.type === 'heading' && first.depth === 1 && normalize(toString(first)) === normalize(title)) {
      tree.children.splice(tree.children.indexOf(first), 1);
    }
  };
}
