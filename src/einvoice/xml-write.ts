/**
 * Writing XML 1.0 text: escaping and nested elements with two-space indentation.
 * Text is escaped so that a conforming parser reads back exactly what was written:
 * `& < > " '` become entities, tab, line feed and carriage return become character
 * references (a parser would otherwise normalise them), and characters XML 1.0 cannot
 * carry at all (most control characters, lone surrogates, U+FFFE, U+FFFF) become
 * U+FFFD, the replacement character.
 *
 * @module
 */

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const SPECIAL = /[&<>"'\t\n\r]/g;
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text made safe for XML element content and attribute values.
 *
 * @example
 * escapeXml('Müller & Söhne <"GmbH">\u0007')
 * //=> 'Müller &amp; Söhne &lt;&quot;GmbH&quot;&gt;\uFFFD'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(SPECIAL, (c) => REFERENCES[c]!);
}

/** Attribute values by name; an undefined value is left out. */
export type XmlAttributes = Readonly<Record<string, string | undefined>>;

function attributeText(attributes: XmlAttributes): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) text += ` ${name}="${escapeXml(value)}"`;
  }
  return text;
}

/**
 * One element with text content; the empty string when the text is undefined, so that
 * optional business terms simply drop out.
 *
 * @example
 * [element('cbc:ID', 'A&B'), element('cbc:Note', undefined)]
 * //=> ['<cbc:ID>A&amp;B</cbc:ID>', '']
 */
export function element(
  name: string,
  text: string | undefined,
  attributes: XmlAttributes = {},
): string {
  if (text === undefined) return '';
  return `<${name}${attributeText(attributes)}>${escapeXml(text)}</${name}>`;
}

/**
 * An element holding other elements, each indented by two spaces; the empty string
 * when every child is empty. Children never hold a raw line break in their text (see
 * {@link escapeXml}), so indenting line by line cannot change any content.
 *
 * @example
 * parent('cac:Party', [element('cbc:Name', 'Acme'), ''])
 * //=> '<cac:Party>\n  <cbc:Name>Acme</cbc:Name>\n</cac:Party>'
 */
export function parent(
  name: string,
  children: readonly string[],
  attributes: XmlAttributes = {},
): string {
  const inner = children.filter((c) => c !== '');
  if (inner.length === 0) return '';
  const body = inner.map((c) => c.replaceAll('\n', '\n  ')).join('\n  ');
  return `<${name}${attributeText(attributes)}>\n  ${body}\n</${name}>`;
}
