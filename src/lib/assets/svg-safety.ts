// Runs in Node (its decoder uses node:zlib; no I/O): decides whether an SVG asset is safe to publish, by parsing it as XML the way a browser does.
import sax, { type QualifiedAttribute, type QualifiedTag } from 'sax';
import { problem, type Problem } from '../problems.ts';
import {
  ACTIVE_NAMESPACES, ANIMATABLE_ATTRIBUTES, ANIMATION_ELEMENTS, METADATA_NAMESPACES, NOT_CSS_ATTRIBUTES, SVG_ATTRIBUTES,
  SVG_ELEMENTS, SVG_NS, XLINK_ATTRIBUTES, XLINK_NS, XML_ATTRIBUTES, XML_NS, isDataOrAriaAttribute,
} from './svg-allowlist.ts';
import { decodeSvg } from './svg-decode.ts';
import { cssProblem, holdsScriptUrl, hrefPolicyOf, hrefProblem } from './svg-references.ts';

/** 1: would run script or load a page; 2: outside the allowlist; 3: not well-formed. The most serious is reported. */
type Rank = 1 | 2 | 3;
interface Finding {
  rank: Rank;
  /** Offset in the text, for ordering and the line number. */
  index: number;
  message: string;
  line?: number;
  column?: number;
}

const RUNS = 'which would run when the file is opened directly';
const NOT_PUBLISHED = 'which this wiki does not publish in SVG files';
const MAX_PARSE_ERRORS = 10;
const STOP = Symbol('stop');

const XML_DECLARATION = /^version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*$/;
/** A DOCTYPE naming SVG's own public DTD and nothing else (no internal subset): inert, and written by Illustrator and draw.io. */
const PLAIN_SVG_DOCTYPE = /^\s+svg(?:\s+(?:PUBLIC\s+(["'])-\/\/W3C\/\/DTD SVG [\d.]+(?: Basic| Tiny)?\/\/EN\1\s+|SYSTEM\s+)(["'])[^"'<>[\]]*\2)?\s*$/;
const QUALIFIED_NAME = /^[^:]+(?::[^:]+)?$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function findingsOf(text: string): Finding[] {
  const findings: Finding[] = [];
  const found = (rank: Rank, index: number, message: string) => void findings.push({ rank, index, message });
  const parser = sax.parser(true, { xmlns: true, strictEntities: true, position: true });
  const open: { local: string; uri: string; index: number; css: string }[] = [];
  let attributes: QualifiedAttribute[] = [];
  let rootSeen = false;
  let errors = 0;

  const isStyle = (element: { local: string; uri: string } | undefined) => element?.uri === SVG_NS && element.local === 'style';

  function checkAttribute(tag: QualifiedTag, a: QualifiedAttribute, at: number, seen: Set<string>) {
    const element = `<${tag.name}>`;
    if (!QUALIFIED_NAME.test(a.name)) return found(3, at, `SVG attribute name ${a.name} on ${element} is not a valid XML name: fix the markup`);
    const key = `${a.uri}|${a.local}`;
    if (seen.has(key)) return found(3, at, `SVG repeats the attribute ${a.name} on ${element}, which browsers refuse to read: keep one`);
    seen.add(key);
    if (/^on/i.test(a.local)) return found(1, at, `SVG contains an event handler (${a.name}=) on ${element}, ${RUNS}: remove the attribute`);
    if (holdsScriptUrl(a.value)) return found(1, at, `SVG contains a javascript: URL in ${a.name} on ${element}, ${RUNS}: remove it`);
    const unknown = () => found(2, at, `SVG contains the attribute ${a.name}${a.uri && a.uri !== XLINK_NS && a.uri !== XML_NS ? ` (namespace ${a.uri})` : ''} on ${element}, ${NOT_PUBLISHED}: remove it`);
    if (tag.uri !== SVG_NS) {
      // Editors' metadata elements are inert, but must not carry links (XLink) or attributes of unknown namespaces.
      const inert = a.uri === '' || METADATA_NAMESPACES.has(a.uri) || (a.uri === XML_NS && XML_ATTRIBUTES.has(a.local));
      if (!inert) unknown();
      return;
    }
    const isHref = a.local === 'href' && (a.uri === '' || a.uri === XLINK_NS);
    if (isHref) {
      // An element outside the allowlist is refused already; its href policy would only blur that message.
      if (!SVG_ELEMENTS.has(tag.local)) return;
      const why = hrefProblem(hrefPolicyOf(tag.local), a.value);
      if (why) found(1, at, `SVG ${element} has ${a.name}="${a.value.slice(0, 80)}" (${why}): remove it or change it`);
      return;
    }
    if (a.uri === XLINK_NS) return XLINK_ATTRIBUTES.has(a.local) ? undefined : unknown();
    if (a.uri === XML_NS) return XML_ATTRIBUTES.has(a.local) ? undefined : unknown();
    if (a.uri !== '') return METADATA_NAMESPACES.has(a.uri) ? undefined : unknown();
    if (isDataOrAriaAttribute(a.local)) return;
    if (!SVG_ATTRIBUTES.has(a.local)) return unknown();
    if (a.local === 'attributeName' && ANIMATION_ELEMENTS.has(tag.local) && !ANIMATABLE_ATTRIBUTES.has(a.value)) {
      return found(1, at, `SVG ${element} animates "${a.value}" (only presentation and geometry attributes such as fill, opacity or x may be animated; never href): remove the ${element}`);
    }
    if (!NOT_CSS_ATTRIBUTES.has(a.local)) {
      const why = cssProblem(a.value);
      if (why) found(2, at, `SVG ${a.local === 'style' ? 'style attribute' : `attribute ${a.name}`} on ${element} contains ${why}: remove it`);
    }
  }

  function checkElement(tag: QualifiedTag, start: number, end: number) {
    const element = `<${tag.name}>`;
    const local = tag.local.toLowerCase();
    if (open.length === 0) {
      if (rootSeen) found(3, start, `SVG has a second root element ${element}, which browsers refuse to read: keep one <svg> root`);
      else if (tag.uri !== SVG_NS || tag.local !== 'svg') {
        found(2, start, `SVG's root element must be <svg> in the SVG namespace: write <svg xmlns="${SVG_NS}">`);
      }
      rootSeen = true;
    }
    if (!QUALIFIED_NAME.test(tag.name)) found(3, start, `SVG element name ${element} is not a valid XML name: fix the markup`);
    else if (local === 'script') {
      const where = tag.name === 'script' ? '' : ` (${element}${tag.uri ? ` in namespace ${tag.uri}` : ''})`;
      found(1, start, `SVG contains <script>${where}, ${RUNS}: remove it`);
    } else if (local === 'foreignobject') {
      found(1, start, `SVG contains <foreignObject>, whose HTML can run script when the file is opened directly: remove it (diagram tools put HTML labels there; export labels as SVG text, or publish a PNG)`);
    } else if (ACTIVE_NAMESPACES[tag.uri]) {
      found(1, start, `SVG contains ${element} in the ${ACTIVE_NAMESPACES[tag.uri]} namespace, which can run script when the file is opened directly: remove it`);
    } else if (isStyle(open.at(-1))) {
      found(2, start, `SVG has the element ${element} inside <style>, ${NOT_PUBLISHED}: remove it`);
    } else if (tag.uri === SVG_NS) {
      if (!SVG_ELEMENTS.has(tag.local)) found(2, start, `SVG contains ${element}, ${NOT_PUBLISHED} (only drawing, text, paint, filter, link and animation elements are): remove it`);
    } else if (!METADATA_NAMESPACES.has(tag.uri) && open.length > 0) {
      found(2, start, `SVG contains ${element} ${tag.uri ? `in namespace ${tag.uri}` : 'outside the SVG namespace'}, ${NOT_PUBLISHED}: remove it`);
    }
    const seen = new Set<string>();
    const tagText = text.slice(start, end);
    for (const a of attributes) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      const offset = new RegExp(`\\s${escapeRegExp(a.name)}\\s*=`).exec(tagText)?.index;
      checkAttribute(tag, a, offset === undefined ? start : start + offset + 1, seen);
    }
  }

  parser.onerror = (error) => {
    const reason = error.message.split('\n')[0];
    findings.push({ rank: 3, index: parser.position, line: parser.line + 1, column: parser.column, message: `SVG is not well-formed XML (${reason}), so browsers stop reading it there: fix the markup` });
    errors += 1;
    parser.resume();
    if (errors >= MAX_PARSE_ERRORS) throw STOP;
  };
  parser.onprocessinginstruction = (pi) => {
    const at = parser.startTagPosition - 1;
    if (pi.name === 'xml' && at === 0) {
      if (!XML_DECLARATION.test(pi.body)) found(3, at, `SVG's XML declaration is not <?xml version="1.0" encoding="…"?>: fix it or remove it`);
    } else if (pi.name.toLowerCase() === 'xml') {
      found(3, at, 'SVG has an XML declaration that is not at the very start of the file: move it there or remove it');
    } else {
      found(1, at, `SVG contains the processing instruction <?${pi.name} …?>, which can load a style sheet or transform that runs script: remove it`);
    }
  };
  parser.ondoctype = (body) => {
    const at = parser.startTagPosition - 1;
    if (body.includes('[')) {
      found(1, at, 'SVG has a DOCTYPE with an internal subset (entity declarations), which can smuggle markup past this check: remove the DOCTYPE');
    } else if (!text.startsWith('<!DOCTYPE', at) || !PLAIN_SVG_DOCTYPE.test(body)) {
      found(2, at, 'SVG has a DOCTYPE other than SVG\'s own public one: remove it');
    }
  };
  parser.onsgmldeclaration = () => found(3, parser.startTagPosition - 1, 'SVG contains a <!…> declaration that is not XML: remove it');
  parser.onopentagstart = () => {
    attributes = [];
  };
  parser.onattribute = (attribute) => void attributes.push(attribute);
  parser.onopentag = (tag) => {
    const start = parser.startTagPosition - 1;
    checkElement(tag, start, parser.position);
    open.push({ local: tag.local, uri: tag.uri, index: start, css: '' });
  };
  const addText = (chunk: string) => {
    const top = open.at(-1);
    if (top && isStyle(top)) top.css += chunk;
  };
  parser.ontext = addText;
  parser.oncdata = addText;
  parser.onclosetag = () => {
    const closed = open.pop();
    if (closed && isStyle(closed)) {
      const why = cssProblem(closed.css);
      if (why) found(2, closed.index, `SVG <style> contains ${why}: remove it`);
    }
  };

  try {
    // One write for the whole text: sax checks its buffer limits only between writes, so long data: URLs stay whole.
    parser.write(text).close();
  } catch (error) {
    if (error !== STOP) throw error;
  }
  if (!rootSeen && errors === 0) found(3, text.length, 'SVG has no root element: the file is empty or not SVG');
  return findings;
}

/** The most serious problem of an SVG file (first in the file among equals), or undefined when it is safe to publish as it is. */
export function checkSvg(file: string, bytes: Uint8Array): Problem | undefined {
  const decoded = decodeSvg(bytes);
  if ('problem' in decoded) return problem(file, decoded.problem);
  const findings = findingsOf(decoded.text);
  const worst = findings.sort((a, b) => a.rank - b.rank || a.index - b.index)[0];
  if (!worst) return undefined;
  if (worst.line !== undefined) return problem(file, worst.message, { line: worst.line, column: worst.column });
  const starts = lineStartsOf(decoded.text);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= worst.index) line += 1;
  return problem(file, worst.message, { line: line + 1, column: worst.index - (starts[line] ?? 0) + 1 });
}
