// Runs at build time inside Astro's Markdown pipeline, before Shiki: names each code fence's language the way Shiki knows it.
import type { Element, Root } from 'hast';
import { bundledLanguagesInfo } from 'shiki/langs';
import { visit } from 'unist-util-visit';

/** Names people write that Shiki's own alias table lacks. */
const EXTRA_ALIASES: Record<string, string> = { golang: 'go', 'shell-session': 'shellsession', shellsession: 'shellsession', text: 'plaintext', txt: 'plaintext', plain: 'plaintext', math: 'math' };

const KNOWN = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  KNOWN.set(info.id.toLowerCase(), info.id);
  for (const alias of info.aliases ?? []) KNOWN.set(alias.toLowerCase(), info.id);
}
for (const [alias, id] of Object.entries(EXTRA_ALIASES)) KNOWN.set(alias, id);

/** Shiki's id for a fence tag written in any case; "plaintext" for a language Shiki does not have. */
export function shikiLanguage(tag: string): string {
  return KNOWN.get(tag.toLowerCase()) ?? 'plaintext';
}

function classesOf(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : value ? String(value).split(/\s+/) : [];
}

/** `SQL`, `golang` and `console` highlight like `sql`, `go` and `shellsession`; an unknown tag is plain text, not a warning. */
export function rehypeCodeLanguage() {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const classes = classesOf(node);
      if (!classes.some((c) => c.startsWith('language-'))) return;
      node.properties.className = classes.map((c) => (c.startsWith('language-') ? `language-${shikiLanguage(c.slice('language-'.length))}` : c));
    });
  };
}
