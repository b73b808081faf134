// Runs anywhere: the SVG elements, attributes and namespaces an SVG asset may use (everything else is refused).

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Namespaces whose elements browsers turn into live HTML or MathML (script, iframes, links, forms). */
export const ACTIVE_NAMESPACES: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'XHTML',
  'http://www.w3.org/1998/Math/MathML': 'MathML',
  'http://www.w3.org/1999/XSL/Transform': 'XSLT',
  'http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul': 'XUL',
  'http://www.w3.org/2001/xml-events': 'XML Events',
};

/**
 * Editors' own namespaces (Inkscape, Sodipodi, Illustrator, Sketch, Visio, …) and the RDF/Dublin Core
 * metadata they write. No browser gives their elements or attributes any behaviour, so they stay inert.
 */
export const METADATA_NAMESPACES = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.openswatchbook.org/uri/2009/osb',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://www.w3.org/2000/01/rdf-schema#',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://purl.org/dc/dcmitype/',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Flows/1.0/',
  'http://ns.adobe.com/GenericCustomNamespace/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/ImageReplacement/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://ns.adobe.com/XPath/1.0/',
  'adobe:ns:meta/',
  'http://ns.adobe.com/xap/1.0/',
  'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/sType/ResourceRef#',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.serif.com/',
  'http://www.figma.com/figma/ns',
  'http://schemas.microsoft.com/visio/2003/SVGExtensions/',
]);

/** Drawing, text, paint-server, filter, link and animation elements of SVG (no script, foreignObject, cursor, fonts). */
export const SVG_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'a', 'view', 'title', 'desc', 'metadata', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath', 'flowRoot', 'flowRegion', 'flowPara', 'flowSpan', 'flowDiv', 'flowRegionExclude',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'meshgradient', 'meshrow', 'meshpatch', 'hatch', 'hatchpath', 'solidcolor',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB',
  'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
  'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  'animate', 'animateMotion', 'animateTransform', 'set', 'mpath',
]);

export const ANIMATION_ELEMENTS = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

/** Presentation attributes (CSS properties SVG also takes as attributes); also what animations may change. */
const PRESENTATION = [
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color', 'color-interpolation',
  'color-interpolation-filters', 'color-profile', 'color-rendering', 'cursor', 'direction', 'display',
  'dominant-baseline', 'enable-background', 'fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color',
  'flood-opacity', 'font', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style',
  'font-variant', 'font-weight', 'glyph-orientation-horizontal', 'glyph-orientation-vertical', 'image-rendering',
  'isolation', 'kerning', 'letter-spacing', 'lighting-color', 'line-height', 'marker', 'marker-end', 'marker-mid',
  'marker-start', 'mask', 'mask-type', 'mix-blend-mode', 'opacity', 'overflow', 'paint-order', 'pointer-events',
  'shape-rendering', 'solid-color', 'solid-opacity', 'stop-color', 'stop-opacity', 'stroke', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'stroke-width',
  'text-anchor', 'text-decoration', 'text-rendering', 'transform-box', 'transform-origin', 'unicode-bidi',
  'vector-effect', 'visibility', 'white-space', 'word-spacing', 'writing-mode',
];

const GEOMETRY = [
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'dx', 'dy', 'width', 'height',
  'd', 'points', 'pathLength', 'transform', 'viewBox', 'preserveAspectRatio', 'offset', 'rotate', 'startOffset',
  'textLength', 'gradientTransform', 'patternTransform', 'stdDeviation', 'refX', 'refY', 'orient',
  'markerWidth', 'markerHeight',
];

/** What `<animate>`/`<set>` may write: never href, style, class or an event handler. */
export const ANIMATABLE_ATTRIBUTES = new Set([...PRESENTATION, ...GEOMETRY]);

/** Attributes in no namespace that SVG elements may carry (besides data-* and aria-*). */
export const SVG_ATTRIBUTES = new Set([
  ...PRESENTATION,
  ...GEOMETRY,
  'id', 'class', 'style', 'lang', 'tabindex', 'role', 'focusable', 'version', 'baseProfile', 'zoomAndPan',
  'contentStyleType', 'externalResourcesRequired', 'requiredFeatures', 'requiredExtensions', 'systemLanguage',
  'content', 'href', 'target', 'rel', 'hreflang', 'type', 'media', 'title', 'crossorigin', 'decoding', 'viewTarget',
  'gradientUnits', 'spreadMethod', 'patternUnits', 'patternContentUnits', 'clipPathUnits', 'maskUnits',
  'maskContentUnits', 'markerUnits', 'filterUnits', 'primitiveUnits', 'filterRes',
  'in', 'in2', 'result', 'mode', 'values', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'operator',
  'k1', 'k2', 'k3', 'k4', 'order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode',
  'kernelUnitLength', 'preserveAlpha', 'surfaceScale', 'diffuseConstant', 'specularConstant', 'specularExponent',
  'scale', 'xChannelSelector', 'yChannelSelector', 'radius', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles',
  'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle',
  'lengthAdjust', 'method', 'spacing', 'side', 'path',
  'attributeName', 'attributeType', 'begin', 'dur', 'end', 'min', 'max', 'restart', 'repeatCount', 'repeatDur',
  'calcMode', 'keyTimes', 'keySplines', 'from', 'to', 'by', 'additive', 'accumulate', 'keyPoints', 'origin',
]);

/** Attributes whose values are not CSS, so a backslash or a word in them means nothing to the style engine. */
export const NOT_CSS_ATTRIBUTES = new Set([
  'content', 'id', 'class', 'lang', 'role', 'title', 'href', 'target', 'rel', 'hreflang', 'type', 'media',
  'requiredFeatures', 'requiredExtensions', 'systemLanguage', 'begin', 'end', 'attributeName',
]);

export const XLINK_ATTRIBUTES = new Set(['href', 'title', 'show', 'type', 'actuate', 'role', 'arcrole']);
export const XML_ATTRIBUTES = new Set(['space', 'lang', 'id']);

export const isDataOrAriaAttribute = (name: string) => /^(?:data|aria)-[A-Za-z0-9_.-]+$/.test(name);
