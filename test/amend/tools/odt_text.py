"""Reads an ODT written by LibreOffice and prints, as JSON, its body text as LibreOffice holds it
after "accept all changes": tracked deletions live in <text:tracked-changes>, outside the body,
and tracked insertions are ordinary body text, so the body read without that element is the
accepted version. One string per non-empty paragraph or heading (table cells included), in
order, whitespace normalised; plus the number of tracked changes LibreOffice recorded.
Usage: odt_text.py FILE.odt"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def q(ns, tag):
    return "{%s}%s" % (ns, tag)


def inline(el):
    out = [el.text or ""]
    for c in el:
        if c.tag == q(T, "s"):
            out.append(" " * int(c.get(q(T, "c"), "1")))
        elif c.tag in (q(T, "tab"), q(T, "line-break")):
            out.append(" ")
        elif c.tag in (q(T, "note"),):
            pass
        else:
            out.append(inline(c))
        out.append(c.tail or "")
    return "".join(out)


def walk(el, out):
    for c in el:
        if c.tag == q(T, "tracked-changes"):
            continue
        if c.tag in (q(T, "p"), q(T, "h")):
            s = re.sub(r"\s+", " ", inline(c)).strip()
            if s:
                out.append(s)
        else:
            walk(c, out)


def main(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
    body = root.find(q(O, "body")).find(q(O, "text"))
    out = []
    walk(body, out)
    changes = len(root.findall(".//" + q(T, "changed-region")))
    json.dump({"accept": out, "changes": changes}, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
