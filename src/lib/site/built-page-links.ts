// Runs anywhere: reads one built HTML page with a real HTML parser (parse5) for every URL it links or loads, and every anchor it offers.
import { html as parse5Html, parse, type DefaultTreeAdapterTypes } from 'parse5';
import { parseSrcset } from '../content/srcset.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
const { NS } = parse5Html;

export interface BuiltLink {
  /** The URL as written in the attribute (one candidate for srcset, the `url=` part of a refresh). */
  url: string;
  /** Where it was written, as a reader of the HTML would look for it: `<a href>`, `<img srcset>`. */
  where: string;
  /** Inside the page's Markdown as rendered (an element marked `data-wiki-content`): the author wrote it. */
  authored: boolean;
}

export interface BuiltPage {
  links: BuiltLink[];
  /** Every `id`, and every `name` of an `<a>`: what a fragment can land on. */
  anchors: Set<string>;
  /** The first `<base href>`, which relative URLs resolve against instead of the page's own address. */
  baseHref?: string;
}

/** Attributes that hold one URL, by HTML element. */
/** Marks the element the page's own text renders into, as the page templates write it. */
export const CONTENT_MARKER = 'data-wiki-content';

const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  source: ['src'],
  track: ['src'],
  input: ['src', 'formaction'],
  button: ['formaction'],
  form: ['action'],
  object: ['data'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);
/** SVG elements whose `href` (or `xlink:href`) loads or links something. */
const SVG_URL_ELEMENTS = new Set(['a', 'use', 'image', 'feImage', 'script', 'textPath', 'mpath', 'pattern', 'linearGradient', 'radialGradient', 'filter']);

/** The URL of `<meta http-equiv="refresh" content="0; url=…">`, read as the HTML standard reads it. */
export function refreshUrl(content: string): string | undefined {
  const match = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
  let url = match?.[1]?.trim() ?? '';
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = end === -1 ? url.slice(1) : url.slice(1, end);
  }
  return url === '' ? undefined : url;
}

const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name && !a.prefix)?.value;

/** `<a href>`, made once per element and attribute: a page has thousands of links and few kinds. */
const WHERE = new Map<string, string>();
const whereOf = (tag: string, name: string): string => {
  const key = `${tag} ${name}`;
  let where = WHERE.get(key);
  if (where === undefined) WHERE.set(key, (where = `<${key}>`));
  return where;
};

function linksOf(element: Element, authored: boolean, links: BuiltLink[]): void {
  const tag = element.tagName;
  const add = (url: string, where: string) => links.push({ url, where, authored });
  if (element.namespaceURI === NS.SVG) {
    if (!SVG_URL_ELEMENTS.has(tag)) return;
    for (const a of element.attrs) {
      if (a.name === 'href' && a.value.trim() !== '') add(a.value, whereOf(tag, a.prefix ? `${a.prefix}:href` : 'href'));
    }
    return;
  }
  if (element.namespaceURI !== NS.HTML) return;
  for (const name of URL_ATTRIBUTES[tag] ?? []) {
    const value = attribute(element, name);
    // An empty URL is the page itself: nothing that can dangle.
    if (value !== undefined && value.trim() !== '') add(value, whereOf(tag, name));
  }
  if (SRCSET_ELEMENTS.has(tag)) {
    const srcset = attribute(element, 'srcset');
    if (srcset) for (const { url } of parseSrcset(srcset)) if (url) add(url, whereOf(tag, 'srcset'));
  }
  if (tag === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'refresh') {
    const url = refreshUrl(attribute(element, 'content') ?? '');
    if (url) add(url, '<meta http-equiv="refresh">');
  }
}

function anchorsOf(element: Element, page: BuiltPage): void {
  const id = attribute(element, 'id');
  if (id) page.anchors.add(id);
  if (element.namespaceURI !== NS.HTML) return;
  const name = element.tagName === 'a' ? attribute(element, 'name') : undefined;
  if (name) page.anchors.add(name);
  if (element.tagName === 'base' && page.baseHref === undefined) {
    const href = attribute(element, 'href');
    if (href !== undefined) page.baseHref = href;
  }
}

const isTemplate = (element: Element): element is DefaultTreeAdapterTypes.Template => element.tagName === 'template' && element.namespaceURI === NS.HTML;

const IN_DOCUMENT = 1;
const AUTHORED = 2;

/**
 * Every link and anchor of one built page. Content of `<template>` links but is not in the document, so offers
 * no anchor. Walked with a stack, not recursion: content can nest elements deeper than the call stack goes.
 */
export function readBuiltPage(text: string): BuiltPage {
  const page: BuiltPage = { links: [], anchors: new Set() };
  // Only elements are stacked (text is most of a page), each with its flags, in document order.
  const elements: Element[] = [];
  const flags: number[] = [];
  const push = (children: readonly Node[], flag: number) => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if ('tagName' in child) elements.push(child), flags.push(flag);
    }
  };
  push(parse(text).childNodes, IN_DOCUMENT);
  for (let element = elements.pop(); element; element = elements.pop()) {
    let flag = flags.pop()!;
    if (element.attrs.length > 0) {
      if (!(flag & AUTHORED) && element.attrs.some((a) => a.name === CONTENT_MARKER)) flag |= AUTHORED;
      linksOf(element, (flag & AUTHORED) !== 0, page.links);
      if (flag & IN_DOCUMENT) anchorsOf(element, page);
    }
    if (isTemplate(element)) push(element.content.childNodes, flag & ~IN_DOCUMENT);
    push(element.childNodes, flag);
  }
  return page;
}
