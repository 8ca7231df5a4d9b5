// XML escaping for every string that reaches an OOXML part.
//
// The writer builds XML as strings (docxtemplater injects the body raw), so this file is the one
// gate between IR text and markup: nothing else may interpolate user text into XML.

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline/CR, lone surrogates,
 * U+FFFE/U+FFFF) plus C1 controls, which are legal XML but make Word refuse the file.
 * They never carry meaning in a contract, so they are dropped silently rather than reported:
 * the IR is already validated upstream and a stray control byte must not break a document.
 */
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove characters that cannot appear in an XML document (see INVALID_XML_CHARS). */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML_CHARS, '');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escape a string for element content or a double/single-quoted attribute value.
 * Escaping `>` as well neutralises "]]>"; quotes are escaped so the same helper is safe in
 * attributes. Invalid characters are stripped first.
 */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(s).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Serialise attributes in the given order (order is part of determinism). */
export function attrs(list: readonly (readonly [string, string | number])[]): string {
  return list.map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
}

/** An empty element `<name a="v"/>`. */
export function empty(name: string, list: readonly (readonly [string, string | number])[] = []): string {
  return `<${name}${attrs(list)}/>`;
}

/** A WordprocessingML `<w:x w:val="v"/>` property element, the commonest shape in OOXML. */
export function val(name: string, value: string | number): string {
  return empty(name, [['w:val', value]]);
}
