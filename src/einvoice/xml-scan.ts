/**
 * One linear pass over an XML text before the parser sees it: counts what makes a
 * document expensive (nesting depth, tags, invoice lines, the longest tag and text)
 * so that a reader can refuse it cheaply, finds entity references that XML 1.0 does
 * not predefine, and notes the root start tag and any markup outside it. The pass
 * does not judge well-formedness: it never throws and never looks back, and its
 * structural findings are used only once the validator has accepted the text.
 *
 * @module
 */

/** What {@link scanXml} found. Offsets are character offsets into the text. */
export interface XmlOutline {
  /** Deepest element nesting. */
  readonly depth: number;
  /** Start, end and empty-element tags. */
  readonly tags: number;
  /** Start tags whose local name is one of the line names given. */
  readonly lines: number;
  /** Longest tag with its attributes, in characters. */
  readonly longestTag: number;
  /** Longest text between two tags, outside the binary elements given. */
  readonly longestText: number;
  /** The first start tag at the top level, from `<` to `>`. */
  readonly root?: string;
  /** Offset of a second element at the top level (XML allows one root). */
  readonly secondRoot?: number;
  /** Offset of text other than white space outside the root element. */
  readonly outsideText?: number;
  /** Offset of an entity or character reference XML does not define. */
  readonly badReference?: number;
}

/** Which elements {@link scanXml} counts as lines and which may hold long binary text. */
export interface ScanNames {
  readonly lines: ReadonlySet<string>;
  readonly binary: ReadonlySet<string>;
}

const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|amp|lt|gt|quot|apos);/y;

/** True for a code point XML 1.0 allows in a document (production `Char`). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** True when the `&` at `at` starts a predefined entity or a reference to an XML character. */
function isReference(xml: string, at: number): boolean {
  REFERENCE.lastIndex = at;
  const m = REFERENCE.exec(xml);
  if (!m) return false;
  if (m[1] === undefined && m[2] === undefined) return true;
  return isXmlChar(m[1] === undefined ? Number(m[2]) : Number.parseInt(m[1], 16));
}

const isSpace = (c: number) => c === 0x20 || c === 0x9 || c === 0xa || c === 0xd || c === 0xfeff;

function hasText(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (!isSpace(xml.charCodeAt(i))) return true;
  return false;
}

/** End (offset of `>`) of the tag starting at `<` at `at`, quotes respected; -1 if none. */
function tagEnd(xml: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    } else if (c === 0x3c) {
      return -1;
    }
  }
  return -1;
}

/** The local name (after any prefix) of the tag whose name starts at `from`. */
function localName(xml: string, from: number, to: number): string {
  let start = from;
  let i = from;
  for (; i < to; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === 0x3a) start = i + 1;
    else if (isSpace(c) || c === 0x2f || c === 0x3e) break;
  }
  return xml.slice(start, i);
}

const LITERALS: readonly (readonly [string, string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/**
 * Scans an XML text once (see the module header).
 *
 * @param xml - the document text
 * @param names - local names of line elements and of elements holding binary objects
 *
 * @example
 * const names = { lines: new Set(['InvoiceLine']), binary: new Set() };
 * const o = scanXml('<Invoice><InvoiceLine/><InvoiceLine/></Invoice>', names);
 * [o.depth, o.tags, o.lines]
 * //=> [1, 4, 2]
 */
export function scanXml(xml: string, names: ScanNames): XmlOutline {
  let depth = 0;
  let deepest = 0;
  let tags = 0;
  let lines = 0;
  let longestTag = 0;
  let longestText = 0;
  let root: string | undefined;
  let secondRoot: number | undefined;
  let outsideText: number | undefined;
  let badReference: number | undefined;
  let amp = xml.indexOf('&');
  // References are checked in tags and text; comments, CDATA and PIs are skipped.
  const references = (from: number, to: number) => {
    while (amp >= 0 && amp < to) {
      if (amp >= from && badReference === undefined && !isReference(xml, amp)) badReference = amp;
      amp = xml.indexOf('&', amp + 1);
    }
  };

  let pos = xml.indexOf('<');
  if (hasText(xml, 0, pos < 0 ? xml.length : pos)) outsideText = 0;
  while (pos >= 0) {
    let end = -1;
    let binary = false;
    const mark = xml.charCodeAt(pos + 1);
    const literal =
      mark === 0x21 || mark === 0x3f
        ? LITERALS.find(([open]) => xml.startsWith(open, pos))
        : undefined;
    if (literal) {
      const close = xml.indexOf(literal[1], pos + literal[0].length);
      if (close < 0) break;
      end = close + literal[1].length - 1;
      references(end, end);
    } else {
      end = tagEnd(xml, pos);
      if (end < 0) break;
      references(pos, end);
      tags += 1;
      longestTag = Math.max(longestTag, end - pos + 1);
      const closing = xml.charCodeAt(pos + 1) === 0x2f;
      const empty = xml.charCodeAt(end - 1) === 0x2f;
      if (closing) {
        depth -= 1;
      } else {
        const name = localName(xml, pos + 1, end);
        if (depth === 0) {
          if (root === undefined) root = xml.slice(pos, end + 1);
          else secondRoot ??= pos;
        }
        if (names.lines.has(name)) lines += 1;
        if (!empty) {
          depth += 1;
          deepest = Math.max(deepest, depth);
          binary = names.binary.has(name);
        }
      }
    }
    const next = xml.indexOf('<', end + 1);
    const textEnd = next < 0 ? xml.length : next;
    references(end + 1, textEnd);
    if (!binary) longestText = Math.max(longestText, textEnd - end - 1);
    if (depth <= 0 && outsideText === undefined && hasText(xml, end + 1, textEnd)) {
      outsideText = end + 1;
    }
    pos = next;
  }
  return {
    depth: deepest,
    tags,
    lines,
    longestTag,
    longestText,
    ...(root === undefined ? {} : { root }),
    ...(secondRoot === undefined ? {} : { secondRoot }),
    ...(outsideText === undefined ? {} : { outsideText }),
    ...(badReference === undefined ? {} : { badReference }),
  };
}
