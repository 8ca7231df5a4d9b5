// A minimal XML element tree for checks over generated parts. The parts are well formed (xmllint checks that separately); anything this reader does not expect
// (a DOCTYPE, a mismatched end tag) throws rather than being read approximately.

export interface XmlElement {
  /** Qualified name as written: `w:p`. */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (character data directly inside it), entities decoded. */
  text: string;
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(ENTITY, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : NAMED[e]!,
  );
}

function skipTo(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  if (at < 0) throw new Error(`XML: unterminated construct at offset ${from}`);
  return at + end.length;
}

/** The root element of an XML document. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = xml.indexOf('<');
  while (i >= 0) {
    const top = stack[stack.length - 1]!;
    if (xml.startsWith('<?', i)) i = skipTo(xml, i, '?>');
    else if (xml.startsWith('<!--', i)) i = skipTo(xml, i, '-->');
    else if (xml.startsWith('<![CDATA[', i)) {
      const end = skipTo(xml, i, ']]>');
      top.text += xml.slice(i + 9, end - 3);
      i = end;
    }
    else if (xml.startsWith('<!', i)) throw new Error(`XML: unexpected declaration at offset ${i}`);
    else {
      const end = skipTo(xml, i, '>');
      const tag = xml.slice(i + 1, end - 1);
      if (tag.startsWith('/')) {
        const open = stack.pop();
        if (!open || open.name !== tag.slice(1).trim()) throw new Error(`XML: </${tag.slice(1)}> closes <${open?.name}> at offset ${i}`);
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
        const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const m of body.slice(name.length).matchAll(ATTR)) attrs[m[1]!] = decode(m[2] ?? m[3] ?? '');
        const el: XmlElement = { name, attrs, children: [], text: '' };
        top.children.push(el);
        if (!selfClosing) stack.push(el);
      }
      i = end;
    }
    const next = xml.indexOf('<', i);
    if (stack.length > 1) stack[stack.length - 1]!.text += decode(xml.slice(i, next < 0 ? undefined : next));
    i = next;
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('XML: not exactly one root element, or an element left open');
  return root.children[0]!;
}

/** Calls `fn` on every element in document order, with its ancestors (nearest last). */
export function visit(root: XmlElement, fn: (el: XmlElement, ancestors: readonly XmlElement[]) => void): void {
  // A callback rather than a recursive generator: yield* costs one frame per level per element.
  const ancestors: XmlElement[] = [];
  const go = (el: XmlElement): void => {
    fn(el, ancestors);
    ancestors.push(el);
    for (const c of el.children) go(c);
    ancestors.pop();
  };
  go(root);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
