// Read the parts of a generated DOCX, and check XML well-formedness with Python's expat.

import PizZip from 'pizzip';
import { pythonJson } from '../helpers/libreoffice.ts';

export function docxParts(bytes: Uint8Array): Map<string, string> {
  const zip = new PizZip(bytes);
  return new Map(Object.values(zip.files).map((f) => [f.name, f.asText()]));
}

export function part(parts: ReadonlyMap<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`DOCX has no part ${name}`);
  return xml;
}

/** Parse every part with a real XML parser; returns the parse error per part (null when well formed). */
export function xmlErrors(parts: ReadonlyMap<string, string>): Record<string, string | null> {
  const script = String.raw`
import json, sys, xml.dom.minidom
out = {}
for name, text in json.load(sys.stdin).items():
    try:
        xml.dom.minidom.parseString(text.encode('utf-8')); out[name] = None
    except Exception as e:
        out[name] = str(e)
print(json.dumps(out))
`;
  return pythonJson(script, [], JSON.stringify(Object.fromEntries(parts)));
}

/** All matches of a regex (global) in a string. */
export function count(xml: string, re: RegExp): number {
  return [...xml.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
}
